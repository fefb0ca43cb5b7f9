// Markdown report: the seed article's report equals test/fixtures/export/seed.md (checked by hand against
// the article); every span it cites is the article's text at those offsets; and nothing written in an
// article (links, images, HTML, emphasis, headings, tables, Mermaid syntax) becomes active when the
// report is rendered by markdown-it with raw HTML and linkify switched ON (the most permissive setup).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { exportArticle, type ExportInput } from '../../../server/src/export';
import { mdText, mermaidLabel } from '../../../server/src/export/markdown';
import { crafted, inputOf, PARIS, ROOT, SEED, seedInput } from './fixtures';

const FIXTURE = path.join(ROOT, 'test/fixtures/export/seed.md');

function report(input: ExportInput): string {
  const [file] = exportArticle('markdown', input);
  assert.ok(file.name.endsWith('.report.md'));
  return file.content;
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** Every “text” start–end the report cites is the article's text there (whitespace folded). */
function citedSpansAreTheText(md: string, text: string): number {
  let n = 0;
  for (const m of md.matchAll(/“([^”]*)” (\d+)–(\d+)/g)) {
    assert.equal(unescape(m[1]), text.slice(Number(m[2]), Number(m[3])).replace(/\s+/g, ' ').trim(), m[0]);
    n++;
  }
  return n;
}

test('markdown: the seed report equals the expected file', () => {
  const md = report(seedInput());
  assert.equal(md, readFileSync(FIXTURE, 'utf8'));
});

test('markdown: the seed report cites every mention, title, quote, speaker, cue, interaction and diagnostic with its text and offsets', () => {
  const input = seedInput();
  const md = report(input);
  const a = input.annotations;
  assert.ok(citedSpansAreTheText(md, SEED) > 70);
  const cites = (s: { start: number; end: number }) => md.includes(` ${s.start}–${s.end}`);
  for (const e of a.entities) for (const m of e.mentions) {
    assert.ok(cites(m), `${e.id} ${m.start}`);
    if (m.title) assert.ok(cites(m.title));
  }
  for (const q of a.quotes) {
    assert.ok(cites(q) && (!q.cue || cites(q.cue)) && (!q.speakerMention || cites(q.speakerMention)), q.id);
    // The quote's text is there as a blockquote.
    assert.ok(md.includes(`> ${mdText(q.text)}`), q.id);
  }
  for (const i of a.interactions) assert.ok(cites(i.evidence));
  for (const d of a.diagnostics) assert.ok(cites(d) && (d.related ?? []).every((r) => cites(r.span)));
  assert.ok(md.includes(a.source.sha256));
  // Quotes grouped by speaker, in order of their first quote.
  assert.deepEqual(
    [...md.matchAll(/^### (.*)$/gm)].map((m) => m[1]),
    ['The Moscow Times', 'the Kremlin', 'Russia', "Netanyahu's Office (for Benjamin Netanyahu)"],
  );
  assert.match(md, /```mermaid\nflowchart LR\n {2}n1\["Vladimir Putin"\]\n/);
});

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](http://evil.example/a)',
  '![pic](http://evil.example/p.png)',
  '<http://evil.example/auto>',
  'http://evil.example/bare',
  'www.evil.example',
  'evil.example',
  'someone@evil.example',
  '**bold** _em_ ~~gone~~ `code`',
  '&lt;b&gt; &amp; &#60;i&#62;',
  '$x^2$ | pipe | [^1]',
];

test('markdown: article text can start no link, image, HTML, emphasis, code, heading, list or table, even with html and linkify on', () => {
  const quoteLines = ['# Heading', '> nested', '- item', '1. first', '    indented code', '---', '=== ', ...HOSTILE];
  const quote = `"${quoteLines.join('\n')}"`;
  const name = HOSTILE.join(' ');
  const text = `${name} said ${quote} to ${'"]; click n1 "javascript:alert(1)" %%'} today.\n`;
  const input = crafted(text, {
    entities: [
      { id: 'person:evil', type: 'person', name, mentions: [name], leader: true, title: '<b>Chief</b> | **Boss**', country: 'XXX' },
      { id: 'org:mermaid', type: 'organization', name: '"]; click n1 "javascript:alert(1)" %%', mentions: ['"]; click n1 "javascript:alert(1)" %%'] },
    ],
    quotes: [{ text: quote, speaker: 'person:evil', cue: 'said' }],
    interactions: [{ kind: 'message"]-->x', participants: ['person:evil', 'org:mermaid'], evidence: text.trim() }],
  }, '[report](http://evil.example).txt');
  const md = report(input);
  const html = new MarkdownIt({ html: true, linkify: true }).render(md);
  const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]));
  assert.deepEqual([...tags].filter((t) => !['h1', 'h2', 'h3', 'p', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'pre', 'code'].includes(t)), [], html);
  assert.equal((html.match(/<code/g) ?? []).length, 1, 'the only code element is the Mermaid block');
  assert.equal((html.match(/<h1>/g) ?? []).length, 1);
  assert.ok(!/<li>item|<h1>Heading|<hr/.test(html), 'no block structure from the quote');
  // The table rows keep their cells: a pipe in a name does not add cells.
  const leaderRow = md.split('\n').find((l) => l.startsWith('| ') && l.includes('img src'))!;
  assert.equal(leaderRow.split(/(?<!\\)\|/).length - 2, 4, leaderRow);
  // Mermaid: labels stay inside their quotes, no HTML, no click directive, no comment.
  const mermaid = /```mermaid\n([\s\S]*?)```/.exec(md)![1];
  for (const line of mermaid.split('\n').slice(1).filter(Boolean)) {
    assert.match(line, /^ {2}n\d+(\["[^"<>]*"\]| -->\|[^|"<>]*\| n\d+)$/, line);
  }
  // And the text is still there to read: unescaped, it is the article's.
  assert.ok(html.includes('[click](http://evil.example/a)'));
  citedSpansAreTheText(md, text);
});

test('markdown: escaping helpers', () => {
  assert.equal(mdText('U.S. officials, e.g. www.x.com: see http://a.b/c at 10:30.'), 'U\\.S. officials, e\\.g. www\\.x\\.com: see http\\://a\\.b/c at 10:30.');
  assert.equal(mdText('a\n\n  b\tc'), 'a b c');
  assert.equal(mermaidLabel('Tom "T" <b>O\'Neil</b> #1'), "Tom #34;T#34; #60;b#62;O'Neil#60;#47;b#62; #35;1");
  assert.equal(mermaidLabel('Chișinău ’s'), 'Chișinău ’s');
});

test('markdown: a quote over paragraphs stays one blockquote, with its paragraphs', () => {
  const md = report(inputOf(PARIS, 'paris.txt'));
  assert.match(md, /> "We said “no”, and we meant it, with all our partners — in Kyiv, in Warsaw, in Chișinău\.\n>\n> "Europe will not be divided, not now, not ever,"\n/);
});
