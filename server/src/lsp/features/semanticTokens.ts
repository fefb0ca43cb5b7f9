// Semantic tokens for leaders, other people, countries, quotes and speakers. Mentions inside a quote win
// over the quote (tokens may neither overlap nor cross lines), so the quote is cut around them.
import { SemanticTokensBuilder, type Range, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../../../common/protocol';
import type { Analysis } from '../../core/types';
import { rangeToSpan, spanToLinePieces } from '../../positions';
import { firstMention } from '../../query';
import type { AnalysisView } from '../view';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

type TokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
interface Interval {
  start: number;
  end: number;
  type: number;
  mods: number;
  priority: number;
}

const T = (t: TokenType) => SEMANTIC_TOKEN_TYPES.indexOf(t);
const M = (m: (typeof SEMANTIC_TOKEN_MODIFIERS)[number]) => 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
const SKIPPED_FORMS = new Set(['pronoun']);

function intervals(a: Analysis): Interval[] {
  const out: Interval[] = [];
  for (const q of a.quotes) out.push({ start: q.start, end: q.end, type: T('quote'), mods: q.speaker ? 0 : M('unattributed'), priority: 0 });
  for (const q of a.quotes) if (q.speakerMention) out.push({ ...q.speakerMention, type: T('speaker'), mods: 0, priority: 1 });
  for (const e of a.entities) {
    const type = e.type === 'country' ? T('country') : e.type === 'person' ? (e.leader ? T('leader') : T('person')) : -1;
    if (type < 0) continue;
    const first = firstMention(e)?.start;
    for (const m of e.mentions) {
      if (SKIPPED_FORMS.has(m.form) || m.end <= m.start) continue;
      out.push({ start: m.start, end: m.end, type, mods: m.start === first ? M('firstMention') : 0, priority: 2 });
    }
  }
  return out;
}

/** Cuts overlapping intervals into disjoint segments, the highest priority (then narrowest) winning. */
export function flatten(list: Interval[]): Interval[] {
  const points = [...new Set(list.flatMap((i) => [i.start, i.end]))].sort((x, y) => x - y);
  const byStart = [...list].sort((x, y) => x.start - y.start);
  const active: Interval[] = [];
  const out: Array<Interval & { src: Interval }> = [];
  let next = 0;
  for (let p = 0; p < points.length - 1; p++) {
    const from = points[p];
    const to = points[p + 1];
    while (next < byStart.length && byStart[next].start <= from) active.push(byStart[next++]);
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= from) active.splice(i, 1);
    let best: Interval | undefined;
    for (const i of active) {
      if (!best || i.priority > best.priority || (i.priority === best.priority && i.end - i.start < best.end - best.start)) best = i;
    }
    if (!best) continue;
    const last = out[out.length - 1];
    if (last && last.end === from && last.src === best) last.end = to;
    else out.push({ ...best, start: from, end: to, src: best });
  }
  return out;
}

/** Tokens of the whole document, or only of `range` (VS Code asks for the visible range first on big files). */
export function semanticTokens(view: AnalysisView, range?: Range): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  let list = intervals(view.analysis);
  if (range) {
    const within = rangeToSpan(view.doc, range);
    list = list.filter((i) => i.end > within.start && i.start < within.end);
  }
  for (const seg of flatten(list)) {
    for (const [line, char, length] of spanToLinePieces(view.doc, seg)) builder.push(line, char, length, seg.type, seg.mods);
  }
  return builder.build();
}
