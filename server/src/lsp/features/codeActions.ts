// Quick fixes: replace a mismatched title with the knowledge base's title (title-mismatch); normalise a
// name variant to the canonical name (name-variant); add an unknown leader to the user's gazetteer file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Entity, LeaderRecord, Mention } from '../../core/types';
import type { GazetteerStore } from '../../gazetteer/store';
import { DOCUMENT_START, rangeToSpan, spanToRange } from '../../positions';
import { mentionAt } from '../../query';
import type { DiagnosticData } from '../pipeline/diagnostics';
import type { AnalysisView } from '../view';

const pick = (data: Record<string, string> | undefined, keys: string[]) => keys.map((k) => data?.[k]).find((v) => typeof v === 'string' && v.trim());

export function codeActions(view: AnalysisView, range: Range, diagnostics: Diagnostic[], gazetteers: GazetteerStore): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diag of diagnostics) {
    const data = diag.data as DiagnosticData | undefined;
    if (!data || data.version !== view.version) continue; // computed for another version: the client will ask again
    const fix = data.code === 'title-mismatch' ? titleFix(view, data) : data.code === 'name-variant' ? nameFix(view, data) : undefined;
    if (fix) actions.push({ ...fix, kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: true });
  }
  const span = rangeToSpan(view.doc, range);
  const hit = mentionAt(view.analysis, span.start);
  if (hit && hit.entity.type === 'person' && !hit.entity.kbId) actions.push(addToGazetteer(view, hit.entity, gazetteers));
  return actions;
}

function edit(view: AnalysisView, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [view.uri]: edits } };
}

/** The mention (with a title) that a diagnostic at [start, end) is about. */
function mentionIn(a: Analysis, start: number, end: number, withTitle: boolean): Mention | undefined {
  for (const e of a.entities) {
    for (const m of e.mentions) {
      const s = withTitle && m.title ? Math.min(m.start, m.title.start) : m.start;
      const t = withTitle && m.title ? Math.max(m.end, m.title.end) : m.end;
      if (s < end && t > start && (!withTitle || m.title)) return m;
    }
  }
  return undefined;
}

function titleFix(view: AnalysisView, d: DiagnosticData): Omit<CodeAction, 'kind'> | undefined {
  const expected = pick(d.data, ['expectedOffice', 'expectedTitle', 'expected', 'kbTitle', 'replacement']);
  if (!expected) return undefined;
  const ts = Number(d.data?.titleStart);
  const te = Number(d.data?.titleEnd);
  const m = mentionIn(view.analysis, d.start, d.end, true);
  const title = Number.isInteger(ts) && Number.isInteger(te) && te > ts ? { start: ts, end: te } : m?.title;
  if (!title) return undefined;
  const words = view.doc.getText().slice(title.start, title.end);
  const office = pick(d.data, ['office']) ?? m?.office;
  let at = office ? words.toLowerCase().lastIndexOf(office.toLowerCase()) : -1;
  let len = office?.length ?? 0;
  if (at < 0) {
    // Keep a leading demonym or country word ("Israeli"), replace the office words after it.
    const first = words.indexOf(' ');
    at = first > 0 && /^[A-Z]/.test(words) && (m?.officeCountry || /(?:an|ian|ese|i|ish|ic)$/.test(words.slice(0, first))) ? first + 1 : 0;
    len = words.length - at;
  }
  const start = title.start + at;
  return {
    title: `Change title to “${expected}” (knowledge base)`,
    edit: edit(view, [{ range: spanToRange(view.doc, { start, end: start + len }), newText: expected }]),
  };
}

function nameFix(view: AnalysisView, d: DiagnosticData): Omit<CodeAction, 'kind'> | undefined {
  const canonical = pick(d.data, ['replacement', 'canonical', 'canonicalName', 'expected']);
  if (!canonical) return undefined;
  const target = { start: d.start, end: d.end };
  return {
    title: `Normalise to “${canonical}”`,
    edit: edit(view, [{ range: spanToRange(view.doc, target), newText: canonical }]),
  };
}

function kebab(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function gazetteerRecord(e: Entity, date: string | undefined): LeaderRecord {
  const role = e.roles?.find((r) => r.title) ?? undefined;
  const headOfState = /^(president|king|queen|emir|sultan|supreme leader)$/i;
  return {
    id: kebab(e.name),
    name: e.name,
    offices: role
      ? [{ title: role.title, country: role.country ?? e.country ?? '', role: headOfState.test(role.title) ? 'head_of_state' : /minister|chancellor/i.test(role.title) ? 'head_of_government' : 'other', start: date ?? new Date().toISOString().slice(0, 10) }]
      : [],
  };
}

function addToGazetteer(view: AnalysisView, e: Entity, gazetteers: GazetteerStore): CodeAction {
  const configured = view.settings.gazetteerFiles[0];
  const file = gazetteers.resolve(view.uri, [configured ?? 'news-lens.gazetteer.json'])[0];
  const uri = pathToFileURL(file).toString();
  const record = gazetteerRecord(e, view.analysis.source.date);
  let existing = '';
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch {
    /* a new file */
  }
  const action: CodeAction = { title: `Add “${e.name}” to the gazetteer (${path.basename(file)})`, kind: CodeActionKind.QuickFix };
  const newText = appendRecord(existing, record);
  if (!existing) action.edit = { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: DOCUMENT_START, newText }] }] };
  else {
    const old = TextDocument.create(uri, 'json', 0, existing);
    action.edit = { changes: { [uri]: [{ range: spanToRange(old, { start: 0, end: existing.length }), newText }] } };
  }
  if (!configured) action.command = { title: 'Use this gazetteer file', command: 'newsLens.useGazetteerFile', arguments: [uri] };
  return action;
}

/** The gazetteer file's new text with the record appended (a JSON array, or an object with `leaders`). */
export function appendRecord(existing: string, record: LeaderRecord): string {
  let doc: unknown = [];
  if (existing.trim()) {
    try {
      doc = JSON.parse(existing);
    } catch {
      return existing.replace(/\s*$/, '\n') + JSON.stringify(record) + '\n';
    }
  }
  if (Array.isArray(doc)) doc.push(record);
  else if (doc && typeof doc === 'object' && Array.isArray((doc as { leaders?: unknown[] }).leaders)) (doc as { leaders: unknown[] }).leaders.push(record);
  else doc = [record];
  return JSON.stringify(doc, null, 2) + '\n';
}
