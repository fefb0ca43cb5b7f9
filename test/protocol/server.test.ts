// Protocol tests: the real built server (dist/server.js) as a child process, spoken to over stdio with
// vscode-languageserver-protocol's client side. Run: npm run build && npm run test:protocol
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import {
  CodeActionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InitializeRequest,
  InlayHintRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  TextDocumentSyncKind,
  WorkspaceSymbolRequest,
  type Definition,
  type DocumentSymbol,
  type Location,
  type LocationLink,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { AnnotationsRequest, ConversationsRequest, EntityAtRequest, QuotesRequest } from '../../common/protocol';
import { makeWorkspace, offsetOf, positionOf, SEED, SERVER, SHARED, startServer, textOf, type Doc, type LspClient } from './harness';

const SEED_NAME = 'putin-netanyahu-call.txt';
const OTHER_ARTICLE =
  'French President Emmanuel Macron spoke with German Chancellor Olaf Scholz on Tuesday. "We stand together," Macron told reporters after the call.\n';

function firstLocation(d: Definition | LocationLink[] | null): { uri: string; range: Location['range'] } {
  assert.ok(d, 'no definition');
  const first = Array.isArray(d) ? d[0] : d;
  assert.ok(first, 'empty definition');
  return 'targetUri' in first ? { uri: first.targetUri, range: first.targetSelectionRange } : first;
}

function hoverMarkdown(contents: unknown): string {
  const c = contents as MarkupContent | string | Array<string | { value: string }>;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

describe('News Lens language server over stdio', () => {
  let client: LspClient;
  let seed: Doc;
  let workspace: string;
  let syncKind: unknown;
  let legend: { tokenTypes: string[]; tokenModifiers: string[] } | undefined;

  before(async () => {
    workspace = makeWorkspace({ [SEED_NAME]: SEED, 'other/macron-scholz.txt': OTHER_ARTICLE });
    const started = await startServer({ workspace });
    client = started.client;
    const caps = started.init.capabilities;
    syncKind = typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : caps.textDocumentSync;
    legend = caps.semanticTokensProvider?.legend;
    seed = client.open(SEED_NAME, SEED);
    await client.waitForDiagnostics(seed.uri, (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('initialize announces incremental sync and every feature', () => {
    assert.equal(syncKind, TextDocumentSyncKind.Incremental);
    assert.deepEqual(legend?.tokenTypes, ['leader', 'person', 'country', 'quote', 'speaker']);
  });

  it('publishes the title-mismatch diagnostic on "Israeli President Benjamin Netanyahu"', async () => {
    const p = await client.waitForDiagnostics(seed.uri, (x) => x.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'title-mismatch');
    assert.ok(d, `no title-mismatch in ${JSON.stringify(p.diagnostics.map((x) => x.code))}`);
    assert.equal(seed.doc.offsetAt(d.range.start), 42);
    assert.equal(textOf(seed, d.range), 'Israeli President Benjamin Netanyahu');
    assert.equal(d.source, 'News Lens');
    assert.equal(d.codeDescription?.href, 'https://github.com/news-lens/news-lens#diagnostic-title-mismatch');
    assert.match(typeof d.message === 'string' ? d.message : d.message.value, /Prime Minister/);
    assert.ok(d.relatedInformation && d.relatedInformation.length > 0, 'title-mismatch should point at the other mention');
    for (const r of d.relatedInformation) assert.equal(r.location.uri, seed.uri);
  });

  it('hover over "Putin" gives President of Russia', async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'Vladimir Putin', 11) });
    assert.ok(h, 'no hover');
    const md = hoverMarkdown(h.contents);
    assert.match(md, /Vladimir Putin/);
    assert.match(md, /President/);
    assert.match(md, /Russia/);
    assert.ok(h.range && textOf(seed, h.range).includes('Putin'), 'hover range should be the mention');
  });

  it('hover over a country gives its ISO code and flag', async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'leaders of Palestine, Egypt', 'leaders of Palestine, '.length + 1) });
    assert.ok(h, 'no hover over Egypt');
    const md = hoverMarkdown(h.contents);
    assert.match(md, /Egypt/);
    assert.match(md, /EGY/);
    assert.match(md, /\u{1F1EA}\u{1F1EC}/u, 'flag of Egypt');
  });

  it('hover over a quote names its speaker and cue', async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'despicable and cruel', 3) });
    assert.ok(h, 'no hover inside the second quote');
    const md = hoverMarkdown(h.contents);
    assert.match(md, /Netanyahu/);
    assert.match(md, /read/);
  });

  it('go to definition from inside the second quote reaches Netanyahu’s Office or Netanyahu', async () => {
    const def = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'clarified that Israel', 3) });
    const loc = firstLocation(def as Definition);
    assert.equal(loc.uri, seed.uri);
    assert.match(textOf(seed, loc.range), /Netanyahu/);
    const quoteStart = offsetOf(SEED, '"Israeli PM Netanyahu');
    assert.ok(seed.doc.offsetAt(loc.range.start) < quoteStart, 'the speaker is named before the quote');
  });

  it('go to definition on a mention reaches the entity’s first mention', async () => {
    const def = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'Putin briefed', 2) });
    const loc = firstLocation(def as Definition);
    assert.ok(seed.doc.offsetAt(loc.range.start) <= offsetOf(SEED, 'Vladimir Putin') + 'Vladimir '.length);
    assert.match(textOf(seed, loc.range), /Putin/);
  });

  it('find all references of Putin returns at least 8 locations', async () => {
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'Vladimir Putin', 11), context: { includeDeclaration: true } });
    assert.ok(refs && refs.length >= 8, `only ${refs?.length} references: ${JSON.stringify(refs?.map((r) => textOf(seed, r.range)))}`);
    assert.ok(refs.every((r) => r.uri === seed.uri));
    assert.ok(refs.filter((r) => /Putin/.test(textOf(seed, r.range))).length >= 6);
  });

  it('document highlight marks every mention of the entity under the cursor', async () => {
    const hl = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'Netanyahu on the discussions', 2) });
    assert.ok(hl && hl.length >= 4, `only ${hl?.length} highlights`);
    assert.ok(hl.some((h) => textOf(seed, h.range).includes('Benjamin Netanyahu')));
  });

  it('document symbols list the six leaders and the six countries', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: seed.uri } })) as DocumentSymbol[];
    assert.ok(symbols && symbols.length > 0);
    const names = symbols.map((s) => s.name);
    for (const re of [/Putin/, /Netanyahu/, /Sisi/, /Raisi/, /Assad/, /Abbas/, /^Russia/, /^Israel/, /^Egypt/, /^Iran/, /^Syria/, /Palestin/]) {
      assert.ok(names.some((n) => re.test(n)), `outline lacks ${re}: ${JSON.stringify(names)}`);
    }
    const quotes = symbols.flatMap((s) => s.children ?? []);
    assert.ok(quotes.length >= 2, `the quotes should sit under their speakers: ${JSON.stringify(symbols.map((s) => [s.name, s.children?.length]))}`);
    for (const s of symbols) {
      for (const c of s.children ?? []) {
        assert.ok(seed.doc.offsetAt(c.range.start) >= seed.doc.offsetAt(s.range.start) && seed.doc.offsetAt(c.range.end) <= seed.doc.offsetAt(s.range.end), 'children inside parent');
      }
    }
  });

  it('semantic tokens decode to leaders, countries, quotes and speakers', async () => {
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: seed.uri } });
    assert.ok(tokens && tokens.data.length % 5 === 0 && tokens.data.length > 0);
    const decoded: { text: string; type: string; start: number }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type] = tokens.data.slice(i, i + 4);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      const start = seed.doc.offsetAt({ line, character: char });
      decoded.push({ text: SEED.slice(start, start + len), type: legend!.tokenTypes[type], start });
    }
    for (let i = 1; i < decoded.length; i++) assert.ok(decoded[i].start >= decoded[i - 1].start + decoded[i - 1].text.length, 'tokens must not overlap');
    assert.ok(decoded.some((t) => t.type === 'leader' && /Putin/.test(t.text)), 'Putin is a leader token');
    assert.ok(decoded.some((t) => t.type === 'leader' && /Netanyahu/.test(t.text)));
    assert.ok(decoded.some((t) => t.type === 'country' && /Egypt|Russia/.test(t.text)), 'a country token');
    assert.ok(decoded.some((t) => t.type === 'quote' && /unanimous opinion/.test(t.text)), 'the first quote');
    assert.ok(decoded.some((t) => t.type === 'quote' && /despicable/.test(t.text)), 'the second quote');
    assert.ok(decoded.some((t) => t.type === 'speaker' || (t.type === 'leader' && t.start < offsetOf(SEED, '"Israeli PM'))), 'a speaker token');
  });

  it('inlay hints put "— Speaker" after each attributed quote', async () => {
    const end = seed.doc.positionAt(SEED.length);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: seed.uri }, range: { start: { line: 0, character: 0 }, end } });
    assert.ok(hints && hints.length >= 2, `hints: ${JSON.stringify(hints)}`);
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.every((l) => l.startsWith('— ')));
    assert.ok(labels.some((l) => /Kremlin|Putin/.test(l)), JSON.stringify(labels));
    assert.ok(labels.some((l) => /Netanyahu/.test(l)), JSON.stringify(labels));
    const q2End = seed.doc.positionAt(offsetOf(SEED, 'capabilities,"') + 'capabilities,"'.length);
    assert.ok(hints.some((h) => h.position.line === q2End.line && h.position.character === q2End.character), 'a hint right after the second quote');
  });

  it('rename Putin edits every name mention', async () => {
    const at = positionOf(seed, 'Putin briefed', 2);
    const prep = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: seed.uri }, position: at });
    assert.ok(prep && 'range' in prep && textOf(seed, prep.range) === 'Putin', JSON.stringify(prep));
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: seed.uri }, position: at, newName: 'Vladimir V. Putin' });
    const edits = edit?.changes?.[seed.uri];
    assert.ok(edits && edits.length >= 6, `only ${edits?.length} edits`);
    for (const e of edits) assert.match(textOf(seed, e.range), /^(Vladimir )?Putin$/);
    assert.ok(edits.some((e) => textOf(seed, e.range) === 'Vladimir Putin' && e.newText === 'Vladimir V. Putin'));
    assert.ok(edits.some((e) => textOf(seed, e.range) === 'Putin' && e.newText === 'Putin'));
  });

  it('newsLens/conversations: Putin spoke to the five others, with evidence ranges', async () => {
    const r = await client.connection.sendRequest(ConversationsRequest, { textDocument: { uri: seed.uri } });
    assert.ok(r);
    const putin = r.nodes.find((n) => /Putin/.test(n.name));
    assert.ok(putin, JSON.stringify(r.nodes));
    const partners = new Set<string>();
    for (const e of r.edges) {
      if (e.from === putin.id) partners.add(e.to);
      if (e.to === putin.id) partners.add(e.from);
      for (const ev of e.evidence) assert.equal(textOf(seed, ev.range), ev.text);
    }
    const names = [...partners].map((id) => r.nodes.find((n) => n.id === id)?.name ?? id);
    for (const re of [/Netanyahu/, /Sisi/, /Raisi/, /Assad/, /Abbas/]) assert.ok(names.some((n) => re.test(n)), `Putin's partners lack ${re}: ${names}`);
  });

  it('newsLens/annotations returns a valid news-lens/annotations@1', async () => {
    const a = await client.connection.sendRequest(AnnotationsRequest, { textDocument: { uri: seed.uri } });
    assert.ok(a);
    assert.equal(a.schema, 'news-lens/annotations@1');
    assert.equal(a.source.length, SEED.length);
    assert.match(a.source.sha256, /^[0-9a-f]{64}$/);
    const schema = JSON.parse(fs.readFileSync(path.join(SHARED, 'contract/annotations.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    assert.ok(validate(a), JSON.stringify(validate.errors?.slice(0, 3)));
    for (const e of a.entities) for (const m of e.mentions) assert.equal(SEED.slice(m.start, m.end), m.text);
  });

  it('newsLens/quotes and newsLens/entityAt serve the views and commands', async () => {
    const q = await client.connection.sendRequest(QuotesRequest, { textDocument: { uri: seed.uri } });
    assert.ok(q && q.quotes.length >= 2);
    const kremlin = q.quotes.find((x) => /unanimous opinion/.test(x.text));
    assert.ok(kremlin?.speakerRange && /Kremlin/.test(textOf(seed, kremlin.speakerRange)), JSON.stringify(kremlin));
    const e = await client.connection.sendRequest(EntityAtRequest, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'Vladimir Putin', 11) });
    assert.match(e?.name ?? '', /Putin/);
  });

  it('code action replaces the mismatched title with the knowledge base’s', async () => {
    const p = await client.waitForDiagnostics(seed.uri, (x) => x.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'title-mismatch')!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: seed.uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions?.find((a) => 'edit' in a && a.edit?.changes?.[seed.uri]);
    assert.ok(fix && 'edit' in fix, JSON.stringify(actions));
    const [edit] = fix.edit!.changes![seed.uri];
    const fixed = SEED.slice(0, seed.doc.offsetAt(edit.range.start)) + edit.newText + SEED.slice(seed.doc.offsetAt(edit.range.end));
    assert.ok(fixed.startsWith('Russian President Vladimir Putin spoke to Israeli Prime Minister Benjamin Netanyahu'), fixed.slice(0, 90));
  });

  it('workspace symbols include entities of articles that are not open', async () => {
    let found: unknown[] = [];
    for (let i = 0; i < 100 && !found.length; i++) {
      const r = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'macron' });
      found = (r ?? []).filter((s) => /macron-scholz/.test('location' in s ? s.location.uri : ''));
      if (!found.length) await new Promise((res) => setTimeout(res, 100));
    }
    assert.ok(found.length > 0, 'Macron from other/macron-scholz.txt');
    const r = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'putin' });
    assert.ok(r?.some((s) => 'location' in s && s.location.uri === seed.uri));
    assert.ok(client.progress.length > 0, 'indexing reports work-done progress');
  });

  it('an edit to "Israeli Prime Minister Benjamin Netanyahu" removes the diagnostic', async () => {
    const start = offsetOf(seed.text, 'Israeli President') + 'Israeli '.length;
    seed = client.edit(seed, start, start + 'President'.length, 'Prime Minister');
    assert.ok(seed.text.startsWith('Russian President Vladimir Putin spoke to Israeli Prime Minister Benjamin Netanyahu'));
    const p = await client.waitForDiagnostics(seed.uri, (x) => x.version === seed.version);
    assert.ok(!p.diagnostics.some((d) => d.code === 'title-mismatch'), JSON.stringify(p.diagnostics));
    // Features follow the new text.
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'despicable', 2) });
    assert.ok(h && /Netanyahu/.test(hoverMarkdown(h.contents)));
  });

  it('a request right after an edit is answered at once, in the new text’s positions', async () => {
    seed = client.edit(seed, 0, 0, 'MOSCOW (Reuters) — ');
    // No wait: the analysis of this version has not run yet (20 ms debounce); the previous one is shifted.
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'Vladimir Putin', 11) });
    assert.ok(h?.range, 'hover');
    assert.equal(textOf(seed, h.range), 'Vladimir Putin');
    const hl = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'Putin briefed', 2) });
    assert.ok(hl && hl.every((x) => /Putin|Russian leader/i.test(textOf(seed, x.range))), JSON.stringify(hl?.map((x) => textOf(seed, x.range))));
    await client.waitForDiagnostics(seed.uri, (x) => x.version === seed.version);
  });

  it('rapid edits: only the newest version is published, never a stale one', async () => {
    const before = client.diagnostics.get(seed.uri)!.length;
    const at = offsetOf(seed.text, 'Meanwhile');
    for (let i = 0; i < 5; i++) seed = client.edit(seed, at, at, 'Today, ');
    const p = await client.waitForDiagnostics(seed.uri, (x) => x.version === seed.version);
    const published = client.diagnostics.get(seed.uri)!.slice(before);
    assert.ok(published.every((x) => x.version === seed.version), `published versions ${published.map((x) => x.version)}`);
    assert.ok(p.diagnostics.every((d) => seed.doc.offsetAt(d.range.end) <= seed.text.length));
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: seed.uri }, position: positionOf(seed, 'call with Putin', 'call with '.length + 1), context: { includeDeclaration: true } });
    assert.ok(refs && refs.every((r) => /Putin|leader|Russian|Kremlin|unanimous|he|his/i.test(textOf(seed, r.range))), JSON.stringify(refs?.map((r) => textOf(seed, r.range))));
  });
});

describe('settings, escaping and transports', () => {
  it('severity "off" hides a code; inlay hints can be turned off; settings are read per resource', async () => {
    const workspace = makeWorkspace({});
    const { client } = await startServer({ workspace, settings: { severity: { 'title-mismatch': 'off' }, inlayHints: { enable: false } } });
    try {
      const d = client.open('a.txt', SEED);
      const p = await client.waitForDiagnostics(d.uri, (x) => x.version === 1);
      assert.ok(!p.diagnostics.some((x) => x.code === 'title-mismatch'));
      const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: d.uri }, range: { start: { line: 0, character: 0 }, end: d.doc.positionAt(SEED.length) } });
      assert.equal(hints?.length ?? 0, 0);
      const before = client.diagnostics.get(d.uri)!.length;
      await client.changeSettings({ severity: { 'title-mismatch': 'error' } });
      const again = await client.waitForDiagnostics(d.uri, (x) => client.diagnostics.get(d.uri)!.indexOf(x) >= before && x.diagnostics.some((y) => y.code === 'title-mismatch'));
      assert.equal(again.diagnostics.find((y) => y.code === 'title-mismatch')?.severity, 1);
      await client.changeSettings({ enable: false });
      await client.waitForDiagnostics(d.uri, (x) => client.diagnostics.get(d.uri)!.indexOf(x) > before && x.diagnostics.length === 0);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('hovers escape article text: no link, image or HTML from the article becomes active', async () => {
    const workspace = makeWorkspace({});
    const { client } = await startServer({ workspace });
    try {
      const text = 'Russian President Vladimir Putin said: "Visit [our site](http://evil.example/x) <img src=x onerror=alert(1)> **now** `code` www.evil.example."\n';
      const d = client.open('evil.txt', text);
      await client.waitForDiagnostics(d.uri, (x) => x.version === 1);
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: positionOf(d, 'our site', 2) });
      assert.ok(h, 'hover over the quote');
      const md = hoverMarkdown(h.contents);
      const quoted = md.split('\n').find((l) => l.startsWith('> '));
      assert.ok(quoted && /our site/.test(quoted), md);
      // Every markdown/HTML metacharacter from the article is backslash-escaped, so it renders as text.
      const unescaped = [...quoted.slice(2).matchAll(/(?<!\\)[<>\[\]()*`_:]/g)].map((m) => m[0]);
      assert.deepEqual(unescaped, [], md);
      assert.ok(!/http:\/\//.test(md) && !/www\.evil/.test(md), md);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('code action normalises a name variant', async () => {
    const workspace = makeWorkspace({});
    const { client } = await startServer({ workspace });
    try {
      const text = 'Palestinian President Mahmoud Abbas met Egyptian President Abdel Fattah al-Sisi in Cairo. Later, Mahmud Abbas said: "We need peace."\n';
      const d = client.open('abbas.txt', text);
      const p = await client.waitForDiagnostics(d.uri, (x) => x.version === 1);
      const diag = p.diagnostics.find((x) => x.code === 'name-variant');
      assert.ok(diag, JSON.stringify(p.diagnostics));
      assert.equal(textOf(d, diag.range), 'Mahmud Abbas');
      assert.equal(diag.codeDescription?.href, 'https://github.com/news-lens/news-lens#diagnostic-name-variant');
      assert.equal(textOf(d, diag.relatedInformation![0].location.range), 'Mahmoud Abbas');
      const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: d.uri }, range: diag.range, context: { diagnostics: [diag] } });
      const fix = actions?.find((a) => 'edit' in a && a.edit?.changes?.[d.uri]);
      assert.ok(fix && 'edit' in fix, JSON.stringify(actions));
      const [edit] = fix.edit!.changes![d.uri];
      assert.equal(textOf(d, edit.range), 'Mahmud Abbas');
      assert.equal(edit.newText, 'Mahmoud Abbas');
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('code action adds an unknown leader to the gazetteer, which then links them', async () => {
    const workspace = makeWorkspace({});
    const { client } = await startServer({ workspace });
    try {
      const text = 'Estonian Prime Minister Kristen Michal met French President Emmanuel Macron in Paris on Tuesday. "We are united," Michal said.\n';
      const d = client.open('michal.txt', text);
      await client.waitForDiagnostics(d.uri, (x) => x.version === 1);
      const at = positionOf(d, 'Kristen Michal', 3);
      const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: d.uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
      const add = actions?.find((a) => /Add “Kristen Michal” to the gazetteer/.test(a.title));
      assert.ok(add && 'edit' in add && add.edit?.documentChanges, JSON.stringify(actions));
      // Apply the edit as a client would: create the file with the inserted text.
      const changes = add.edit!.documentChanges!;
      const create = changes.find((c) => 'kind' in c && c.kind === 'create') as { uri: string } | undefined;
      const insert = changes.find((c) => 'edits' in c) as { edits: { newText: string }[] } | undefined;
      assert.ok(create && insert);
      const file = fileURLToPath(create.uri);
      assert.equal(path.dirname(file), workspace);
      fs.writeFileSync(file, insert.edits[0].newText);
      const records = JSON.parse(insert.edits[0].newText);
      assert.equal(records[0].id, 'kristen-michal');
      assert.equal(records[0].offices[0].country, 'EST');
      assert.ok('command' in add && add.command?.command === 'newsLens.useGazetteerFile', 'asks the client to add the file to newsLens.gazetteerFiles');
      // Configure it: the person is now linked to the gazetteer record.
      await client.changeSettings({ gazetteerFiles: [path.basename(file)] });
      const linked = async (want: boolean) => {
        for (let i = 0; i < 100; i++) {
          const a = await client.connection.sendRequest(AnnotationsRequest, { textDocument: { uri: d.uri } });
          const michal = a?.entities.find((e) => /Michal/.test(e.name));
          if ((michal?.kbId === 'kristen-michal') === want) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        assert.fail(`Kristen Michal should${want ? '' : ' no longer'} be linked to the gazetteer record`);
      };
      await linked(true);
      // Editing the gazetteer file on disk (a watched-file event) re-analyses open articles.
      fs.writeFileSync(file, '[]\n');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: create.uri, type: FileChangeType.Changed }] });
      await linked(false);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('the hover lists the offices of the user’s gazetteer file, not only the built-in knowledge base', async () => {
    // A record that replaces the built-in Vladimir Putin (same id) with one office of its own.
    const record = { id: 'vladimir-putin', name: 'Vladimir Putin', offices: [{ title: 'President', country: 'RUS', role: 'head_of_state', start: '2000-05-07' }] };
    const workspace = makeWorkspace({ 'kb.json': JSON.stringify([record]) });
    const { client } = await startServer({ workspace, settings: { gazetteerFiles: ['kb.json'] }, initializationOptions: { indexWorkspace: false } });
    try {
      const d = client.open('a.txt', SEED);
      await client.waitForDiagnostics(d.uri, (x) => x.version === 1);
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: positionOf(d, 'Vladimir Putin', 3) });
      const offices = hoverMarkdown(h?.contents).split('\n').filter((l) => l.startsWith('- '));
      assert.deepEqual(offices, ['- President of Russia (2000\\-05\\-07 – present) — _your gazetteer_']);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('a gazetteer file with errors gets diagnostics at the offending field', async () => {
    const workspace = makeWorkspace({ 'bad.json': '[\n  { "id": "x", "name": "X Y", "offices": [ { "title": "King" } ] }\n]\n' });
    const { client } = await startServer({ workspace, settings: { gazetteerFiles: ['bad.json'] } });
    try {
      client.open('a.txt', SEED);
      const uri = pathToFileURL(path.join(workspace, 'bad.json')).toString();
      const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
      assert.ok(p.diagnostics.every((x) => x.source === 'News Lens' && x.range.start.line >= 1), JSON.stringify(p.diagnostics));
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('accepts the node IPC transport the VS Code client uses', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { indexWorkspace: false } });
      assert.ok(init.capabilities.hoverProvider);
      await connection.sendRequest(ShutdownRequest.type);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
