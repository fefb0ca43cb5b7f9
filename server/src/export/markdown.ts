// markdown: a readable report of one article: what was found, leaders and other people, countries,
// organisations, the quotes grouped by speaker, who spoke to whom (a Mermaid diagram and a table with the
// evidence) and the diagnostics, every span with its offsets.
//
// Article text is untrusted: nothing written in the article may become active in the rendered report.
// mdText() backslash-escapes every character that starts Markdown or HTML syntax (\ ` * _ [ ] < > | ~ &
// $ # @), and the ":" and "." that would let a renderer autolink a URL, a www. address or a bare domain
// (cmark-gfm's and markdown-it's linkify), so there are no links, images, HTML tags or entities, code
// spans, emphasis, math or table breaks; text placed at the start of a line (blockquotes) also has its
// list/heading markers escaped. Mermaid labels keep only letters, digits, spaces and . , ' ’ - and write
// every other character as a Mermaid entity code (#35;), so a label can neither close its quotes nor
// inject HTML into the diagram.
import { baseName } from '../../../common/fileNames';
import type { Entity, Mention, Quote, Span } from '../core/types';
import { countryName, countryOf, entityIndex, sortedMentions, titleOf } from '../query';
import type { Annotations, ExportFile, ExportInput } from './types';

/** Escapes article text for inline Markdown (see the file comment); whitespace runs become one space. */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&$#@]/g, (c) => '\\' + c)
    .replace(/(?<=[A-Za-z]):(?=\S)/g, '\\:')
    .replace(/(?<=[\p{L}\p{N}])\.(?=\p{L})/gu, '\\.');
}

/** mdText for text that starts a line: also escapes a list, heading or setext marker at its start. */
export function mdLine(text: string): string {
  return mdText(text)
    .replace(/^[-+=]/, (c) => '\\' + c)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A Mermaid label: letters, digits, spaces and . , ' ’ - as they are; everything else as #code; */
export function mermaidLabel(text: string): string {
  return [...text.replace(/\s+/g, ' ').trim()].map((c) => (/[\p{L}\p{N} .,'’-]/u.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
}

const at = (s: Span) => `${s.start}–${s.end}`;
const quoted = (s: Span) => `“${mdText(s.text)}” ${at(s)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function mentionList(e: Entity, withForm: boolean): string {
  const ms = sortedMentions(e);
  const one = (m: Mention) => {
    const extra = [withForm ? m.form : undefined, m.title ? `title ${quoted(m.title)}` : undefined].filter(Boolean).join(', ');
    return `${quoted(m)}${extra ? ` (${extra})` : ''}`;
  };
  return `${ms.length}: ${ms.map(one).join('; ')}`;
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function countryCell(iso: string | undefined, a: Annotations): string {
  return iso ? `${mdText(countryName(iso, a) ?? iso)} (${mdText(iso)})` : '';
}

export function renderMarkdown(input: ExportInput, stem: string): ExportFile[] {
  const a = input.annotations;
  const byId = entityIndex(a);
  const persons = a.entities.filter((e) => e.type === 'person');
  const leaders = persons.filter((e) => e.leader);
  const others = persons.filter((e) => !e.leader);
  const countries = a.entities.filter((e) => e.type === 'country');
  const orgs = a.entities.filter((e) => e.type === 'organization');
  const quotations = a.quotes.filter((q) => q.kind !== 'indirect').length;
  const out: string[] = [];

  out.push(`# News Lens report: ${mdText(baseName(input.path))}`, '');
  out.push(`- Source: ${mdText(input.path)}`);
  out.push(`- SHA-256: ${a.source.sha256}`);
  out.push(`- Article date: ${a.source.date ? mdText(a.source.date) : 'unknown'}`);
  out.push(
    `- Found: ${plural(leaders.length, 'leader')}, ${plural(others.length, 'other person', 'other people')}, ${plural(countries.length, 'country', 'countries')}, ` +
      `${plural(orgs.length, 'organisation')}, ${plural(quotations, 'quotation')}, ${plural(a.quotes.length - quotations, 'paraphrase')}, ` +
      `${plural(a.interactions.length, 'interaction')}, ${plural(a.diagnostics.length, 'diagnostic')}`,
  );
  out.push('', 'Offsets (start–end) count UTF-16 code units into the article, end exclusive, as in news-lens/annotations@1.', '');

  const personRows = (list: Entity[]) => list.map((e) => [mdText(e.name), mdText(titleOf(e) ?? ''), countryCell(countryOf(e), a), mentionList(e, false)]);
  out.push('## Leaders', '');
  out.push(...(leaders.length ? table(['Leader', 'Office', 'Country', 'Mentions'], personRows(leaders)) : ['None found.']), '');
  if (others.length) out.push('## Other people', '', ...table(['Person', 'Office', 'Country', 'Mentions'], personRows(others)), '');
  out.push('## Countries', '');
  out.push(...(countries.length ? table(['Country', 'ISO', 'Mentions'], countries.map((e) => [mdText(e.name), mdText(e.iso3 ?? ''), mentionList(e, true)])) : ['None found.']), '');
  out.push('## Organisations', '');
  out.push(
    ...(orgs.length
      ? table(['Organisation', 'Country', 'Speaks for', 'Mentions'], orgs.map((e) => [mdText(e.name), countryCell(e.country, a), mdText((e.speaksFor && byId.get(e.speaksFor)?.name) || ''), mentionList(e, false)]))
      : ['None found.']),
    '',
  );

  // Quotes grouped by speaker, groups in order of their first quote, the unattributed last.
  out.push('## Quotes by speaker', '');
  const groups = new Map<string | null, Quote[]>();
  for (const q of [...a.quotes].sort((x, y) => x.start - y.start || x.end - y.end)) groups.set(q.speaker, [...(groups.get(q.speaker) ?? []), q]);
  const order = [...groups.keys()].sort((x, y) => (x === null ? 1 : 0) - (y === null ? 1 : 0));
  if (!order.length) out.push('None found.', '');
  for (const key of order) {
    const speaker = key ? byId.get(key) : undefined;
    const principal = speaker?.speaksFor ? byId.get(speaker.speaksFor) : undefined;
    out.push(`### ${key === null ? 'No speaker found' : mdText(speaker?.name ?? key)}${principal ? ` (for ${mdText(principal.name)})` : ''}`, '');
    if (speaker) {
      const facts = [speaker.type === 'organization' ? 'Organisation' : speaker.type === 'country' ? 'Country' : speaker.leader ? 'Leader' : 'Person', titleOf(speaker), speaker.type !== 'country' ? countryName(countryOf(speaker), a) : undefined];
      out.push(facts.filter(Boolean).map((f) => mdText(f!)).join(' · '), '');
    }
    for (const q of groups.get(key)!) {
      const lines = q.text.split(/\r\n|[\n\r\u2028\u2029]/);
      out.push(...lines.map((l) => (l.trim() ? `> ${mdLine(l)}` : '>')), '');
      const kind = q.kind === 'direct' ? 'Direct quotation' : q.kind === 'mixed' ? 'Mixed quotation' : 'Paraphrase';
      const details = [`${kind} ${at(q)}`, q.speakerMention ? `speaker named as ${quoted(q.speakerMention)}` : undefined, q.cue ? `cue ${quoted(q.cue)}` : undefined];
      out.push(details.filter(Boolean).join(' · '), '');
    }
  }

  out.push('## Who spoke to whom', '');
  if (!a.interactions.length) out.push('None found.', '');
  else {
    const nodeIds = new Map<string, string>();
    const node = (id: string) => {
      if (!nodeIds.has(id)) nodeIds.set(id, `n${nodeIds.size + 1}`);
      return nodeIds.get(id)!;
    };
    const edges: string[] = [];
    const rows: string[][] = [];
    for (const i of a.interactions) {
      const [from, ...to] = i.participants;
      for (const t of to) {
        edges.push(`  ${node(from)} -->|${mermaidLabel(i.kind)}| ${node(t)}`);
        rows.push([mdText(byId.get(from)?.name ?? from), mdText(byId.get(t)?.name ?? t), mdText(i.kind), quoted(i.evidence)]);
      }
    }
    const nodes = [...nodeIds].map(([id, n]) => `  ${n}["${mermaidLabel(byId.get(id)?.name ?? id)}"]`);
    out.push('```mermaid', 'flowchart LR', ...nodes, ...edges, '```', '');
    out.push(...table(['From', 'To', 'Kind', 'Evidence'], rows), '');
  }

  out.push('## Diagnostics', '');
  if (!a.diagnostics.length) out.push('None.', '');
  else {
    const rows = [...a.diagnostics]
      .sort((x, y) => x.start - y.start || x.end - y.end)
      .map((d) => {
        const related = (d.related ?? []).map((r) => ` Related: ${quoted(r.span)}: ${mdText(r.message)}`).join('');
        return [d.severity, mdText(d.code), quoted(d), mdText(d.message) + related];
      });
    out.push(...table(['Severity', 'Code', 'Text', 'Message'], rows), '');
  }

  return [{ name: `${stem}.report.md`, content: out.join('\n').replace(/\n+$/, '\n') }];
}
