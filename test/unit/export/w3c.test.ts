// W3C Web Annotation export: one annotation per mention, quote and interaction, and every selector (in
// targets and in bodies pointing into the article) re-anchors to exactly its text, by position (code
// points, as the model requires) and by quote (prefix + exact + suffix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportArticle, type ExportInput } from '../../../server/src/export';
import { CONTEXT_CODE_POINTS, type TextPositionSelector, type TextQuoteSelector } from '../../../server/src/export/w3c';
import { codePoints, crafted, EMOJI_CRLF, inputOf, PARIS, seedInput } from './fixtures';

interface Anno {
  id: string;
  type: string;
  motivation: string;
  body: { type: string; purpose?: string; value?: string; source?: string; selector?: unknown[] }[];
  target: { source: string; selector: unknown[] };
  [key: string]: unknown;
}

function render(input: ExportInput) {
  const [file] = exportArticle('w3c', input);
  assert.ok(file.name.endsWith('.jsonld'));
  const doc = JSON.parse(file.content);
  assert.deepEqual(doc['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(doc.type, 'AnnotationCollection');
  assert.equal(doc['newsLens:sha256'], input.annotations.source.sha256);
  const items = doc.first.items as Anno[];
  assert.equal(doc.total, items.length);
  return { doc, items };
}

/** Re-anchors one selector pair in `text` and checks it lands exactly on its exact text. Returns the UTF-16 span. */
function reanchor(text: string, selectors: unknown[], what: string): { start: number; end: number } {
  const q = selectors.find((s) => (s as { type: string }).type === 'TextQuoteSelector') as TextQuoteSelector;
  const pos = selectors.find((s) => (s as { type: string }).type === 'TextPositionSelector') as TextPositionSelector;
  assert.ok(q && pos, `${what}: both selectors`);
  const cps = [...text];
  // By position: code points.
  assert.equal(cps.slice(pos.start, pos.end).join(''), q.exact, `${what}: TextPositionSelector → exact`);
  const start = cps.slice(0, pos.start).join('').length;
  const end = start + q.exact.length;
  // Prefix and suffix are the text around it (up to 32 code points, shorter only at the text's ends).
  const prefix = q.prefix ?? '';
  const suffix = q.suffix ?? '';
  assert.equal(text.slice(start - prefix.length, start), prefix, `${what}: prefix`);
  assert.equal(text.slice(end, end + suffix.length), suffix, `${what}: suffix`);
  assert.equal([...prefix].length, Math.min(CONTEXT_CODE_POINTS, pos.start), `${what}: prefix length`);
  assert.equal([...suffix].length, Math.min(CONTEXT_CODE_POINTS, cps.length - pos.end), `${what}: suffix length`);
  // By quote alone, as a client that ignores positions would: the first match of prefix+exact+suffix.
  const hit = text.indexOf(prefix + q.exact + suffix);
  assert.equal(hit + prefix.length, start, `${what}: the quote selector re-anchors to the same place`);
  return { start, end };
}

function checkAll(input: ExportInput) {
  const { items } = render(input);
  const a = input.annotations;
  const text = input.text;
  let selectors = 0;
  for (const item of items) {
    assert.equal(item.type, 'Annotation');
    assert.equal(item.target.source, input.uri ?? item.target.source);
    reanchor(text, item.target.selector, item.id);
    selectors++;
    for (const b of item.body.filter((x) => x.selector)) {
      reanchor(text, b.selector!, `${item.id} body ${b['newsLens:role' as keyof typeof b]}`);
      selectors++;
    }
  }
  assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'ids are unique');
  // One annotation per mention, per quote and per interaction, each on its span.
  const spans = (motivation: string) => items.filter((i) => i.motivation === motivation).map((i) => reanchor(text, i.target.selector, i.id)).map((s) => `${s.start}-${s.end}`).sort();
  const mentions = a.entities.flatMap((e) => e.mentions.map((m) => `${m.start}-${m.end}`)).sort();
  assert.deepEqual(spans('identifying'), mentions);
  assert.deepEqual(spans('describing'), a.quotes.map((q) => `${q.start}-${q.end}`).sort());
  assert.deepEqual(spans('linking'), a.interactions.map((i) => `${i.evidence.start}-${i.evidence.end}`).sort());
  // Identities: each mention annotation names its entity; each quote its speaker.
  for (const e of a.entities) for (const m of e.mentions) {
    const item = items.find((i) => i.motivation === 'identifying' && i['newsLens:entity'] === e.id && reanchor(text, i.target.selector, i.id).start === m.start);
    assert.ok(item, `${e.id} at ${m.start}`);
    assert.equal(item.body.find((b) => b.purpose === 'identifying')?.value, e.name);
  }
  for (const q of a.quotes) assert.ok(items.some((i) => i['newsLens:quote'] === q.id && i['newsLens:speaker'] === q.speaker));
  return { items, selectors };
}

test('w3c: every selector of the seed article re-anchors exactly (mentions, titles, quotes, speakers, cues, calls)', () => {
  const { items, selectors } = checkAll({ ...seedInput(), uri: 'file:///news/putin-netanyahu-call.txt' });
  const a = seedInput().annotations;
  assert.equal(items.length, a.entities.reduce((n, e) => n + e.mentions.length, 0) + a.quotes.length + a.interactions.length);
  assert.ok(selectors > items.length, 'bodies point into the article too');
  assert.equal(items[0].target.source, 'file:///news/putin-netanyahu-call.txt');
});

test('w3c: positions count code points: emoji before a mention shift them from UTF-16, and they still re-anchor', () => {
  const input = inputOf(EMOJI_CRLF, 'emoji.txt');
  const { items } = checkAll(input);
  const zelensky = items.find((i) => i.motivation === 'identifying' && i['newsLens:entity'] === 'person:volodymyr-zelensky')!;
  const pos = zelensky.target.selector.find((s) => (s as TextPositionSelector).type === 'TextPositionSelector') as TextPositionSelector;
  const utf16 = EMOJI_CRLF.indexOf('Volodymyr Zelensky');
  assert.equal(pos.start, codePoints(EMOJI_CRLF, utf16));
  assert.equal(pos.start, utf16 - 3, '🙂 and the two regional indicators of 🇺🇦 are one code point each, two UTF-16 units each');
  // Without a file URI the source is the article's hash (RFC 6920).
  assert.match(zelensky.target.source, /^ni:\/\/\/sha-256;[A-Za-z0-9_-]{43}$/);
});

test('w3c: context never splits a surrogate pair; a quote over paragraphs re-anchors', () => {
  const text = `${'\u{1F600}'.repeat(40)} Prime Minister Boris Johnson said it.${'\u{1F600}'.repeat(40)}`;
  const input = crafted(text, { entities: [{ id: 'person:bj', type: 'person', name: 'Boris Johnson', mentions: ['Boris Johnson'] }] });
  const { items } = checkAll(input);
  const q = items[0].target.selector[0] as TextQuoteSelector;
  assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(q.prefix!) && !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(q.suffix!));
  checkAll(inputOf(PARIS, 'paris.txt'));
});

test('w3c: a mention at the very start has no prefix, one at the very end no suffix', () => {
  const text = 'Macron met Scholz';
  const input = crafted(text, { entities: [{ id: 'person:m', type: 'person', name: 'Emmanuel Macron', mentions: ['Macron'] }, { id: 'person:s', type: 'person', name: 'Olaf Scholz', mentions: ['Scholz'] }] });
  const { items } = checkAll(input);
  assert.equal((items[0].target.selector[0] as TextQuoteSelector).prefix, undefined);
  assert.equal((items[1].target.selector[0] as TextQuoteSelector).suffix, undefined);
});
