// Hover: a person (canonical name, offices with country and dates, mentions, quotes, whom they spoke to),
// a country (name, ISO code, flag, leaders mentioned), a quote (speaker, cue). Article text is escaped.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { createKnowledgeBase, defaultKnowledgeBase, type KnowledgeBase } from '../../core/knowledgeBase';
import type { Analysis, Entity, LeaderRecord, Quote, Role } from '../../core/types';
import { spanToRange } from '../../positions';
import { countryInfo, countryName, entityById, mentionAt, partnersOf, principal, quoteAt, quotesOf, speakerSpanAt } from '../../query';
import type { AnalysisView } from '../view';
import { escapeMarkdown, excerpt } from './markdown';

export function hover(view: AnalysisView, offset: number): Hover | null {
  const a = view.analysis;
  const hit = mentionAt(a, offset);
  const speaker = hit ? undefined : speakerSpanAt(a, offset);
  const quote = hit || speaker ? undefined : quoteAt(a, offset);
  const span = hit?.mention ?? speaker?.span ?? quote;
  const entity = hit?.entity ?? entityById(a, speaker?.quote.speaker);
  let value: string | undefined;
  if (entity) value = entity.type === 'country' ? countryHover(a, entity) : personHover(knowledgeBaseOf(view), a, entity);
  else if (quote) value = quoteHover(a, quote);
  if (!value || !span) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range: spanToRange(view.doc, span) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function roleLine(r: Role): string {
  const where = r.country ? ` of ${escapeMarkdown(countryName(r.country) ?? r.country)}` : '';
  const dates = r.start ? ` (${escapeMarkdown(r.start)} – ${r.end ? escapeMarkdown(r.end) : 'present'})` : '';
  const source = r.source === 'knowledge-base' ? 'knowledge base' : r.source === 'user-gazetteer' ? 'your gazetteer' : 'this article';
  return `- ${escapeMarkdown(r.title)}${where}${dates} — _${source}_`;
}

const knowledgeBases = new WeakMap<readonly LeaderRecord[], KnowledgeBase>();

/** The knowledge base the analysis used: the built-in leaders with the document's gazetteer records. */
function knowledgeBaseOf(view: AnalysisView): KnowledgeBase {
  if (!view.gazetteer.length) return defaultKnowledgeBase();
  let kb = knowledgeBases.get(view.gazetteer);
  if (!kb) knowledgeBases.set(view.gazetteer, (kb = createKnowledgeBase([...view.gazetteer])));
  return kb;
}

/**
 * Every office the knowledge base (or the user's gazetteer) records for a linked person; the engine's roles
 * keep only the term that matters for the article.
 */
function kbRoles(kb: KnowledgeBase, e: Entity): Role[] | undefined {
  const record = e.kbId ? kb.records.find((r) => r.id === e.kbId) : undefined;
  if (!record?.offices.length) return undefined;
  const source = kb.sourceOf(record);
  return [...record.offices].sort((x, y) => (y.start ?? '').localeCompare(x.start ?? '')).map((o) => ({ title: o.title, country: o.country, source, start: o.start, end: o.end }));
}

function personHover(kb: KnowledgeBase, a: Analysis, e: Entity): string {
  const kind = e.type === 'organization' ? 'organisation' : e.leader ? 'political leader' : 'person';
  const lines = [`**${escapeMarkdown(e.name)}** — ${kind}${e.country ? `, ${escapeMarkdown(countryName(e.country) ?? e.country)}` : ''}`, ''];
  const roles = kbRoles(kb, e) ?? e.roles ?? [];
  for (const r of roles) lines.push(roleLine(r));
  if (roles.length) lines.push('');
  const who = principal(a, e);
  if (who !== e) lines.push(`Speaks for **${escapeMarkdown(who.name)}**`, '');
  lines.push(`${plural(e.mentions.length, 'mention')} · ${plural(quotesOf(a, e).length, 'quote')}`);
  const partners = partnersOf(a, e);
  if (partners.length) {
    lines.push('', 'Spoke to: ' + partners.map((p) => `${escapeMarkdown(p.entity.name)} (${escapeMarkdown([...p.kinds].join(', '))})`).join(', '));
  }
  return lines.join('\n');
}

function countryHover(a: Analysis, e: Entity): string {
  const info = countryInfo(e.iso3);
  const leaders = a.entities.filter((p) => p.type === 'person' && p.leader && p.country === e.iso3);
  const lines = [`${info?.flag ? info.flag + ' ' : ''}**${escapeMarkdown(e.name)}** — country, ISO ${escapeMarkdown(e.iso3 ?? '?')}`, ''];
  lines.push(plural(e.mentions.length, 'mention'));
  if (leaders.length) lines.push('', 'Leaders mentioned: ' + leaders.map((p) => escapeMarkdown(p.name)).join(', '));
  return lines.join('\n');
}

function quoteHover(a: Analysis, q: Quote): string {
  const speaker = entityById(a, q.speaker);
  const by = speaker ? `**${escapeMarkdown(speaker.name)}**` : '_unattributed_';
  const lines = [`**Quote** (${q.kind}) — ${by}`, ''];
  if (q.speakerMention) lines.push(`Speaker named as: “${escapeMarkdown(q.speakerMention.text)}”`, '');
  if (q.cue) lines.push(`Cue: “${escapeMarkdown(q.cue.text)}”`, '');
  lines.push(`> ${excerpt(q.text)}`);
  return lines.join('\n');
}
