// brat standoff (https://brat.nlplab.org/standoff.html), which INCEpTION also imports: STEM.ann beside
// STEM.txt (a copy of the article) and an annotation.conf declaring every type used.
//
//   T  text-bound: Person, Organization and Country for every mention; Quote for every quote
//   R  relations: Speaker (Quote → the speaker's mention) and, per interaction, Call / Meeting / Talks /
//      Message / Interaction (first participant → each other participant, each as one of its mentions)
//   A  attributes: Form (how a mention names its entity), Leader (persons), Kind (quotes)
//   N  normalisations: NewsLens:<entity id> on every mention (the same id = the same entity),
//      ISO3166-1:<alpha-3> on country mentions, NewsLensKB:<knowledge-base id> on linked persons
//   #  AnnotatorNotes: on each entity's first mention (title, country, whom an office speaks for), on
//      each quote (speaker, cue) and, on T1, the source path and its SHA-256
//
// Offsets: brat counts characters (Unicode code points) of the .txt as it reads it, with universal
// newlines (CRLF → LF). Our offsets are UTF-16 code units into the text as read, so the .txt copy is
// written with LF line ends and every offset is converted (see codePointMapper). A fragment may not
// contain a line break, so a span over several lines becomes a discontinuous annotation
// ("T5\tQuote 10 52;53 90\t…"), its text the fragments' texts joined by single spaces (brat's rule).
import type { Entity, Mention, Quote } from '../core/types';
import { codePointMapper } from '../positions';
import { countryOf, entityIndex, participantMention, speakerMentionOf, titleOf } from '../query';
import { lfText } from './text';
import type { ExportFile, ExportInput } from './types';

/** Characters that end a line for brat's readers (universal newlines; Python 2's codecs readline splits on all of these). */
const LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

export const BRAT_INTERACTION_TYPES: Record<string, string> = { call: 'Call', meeting: 'Meeting', talks: 'Talks', message: 'Message' };

const ENTITY_TYPES: Record<Entity['type'], string> = { person: 'Person', organization: 'Organization', country: 'Country' };

const ARGS = 'Person|Organization|Country';

export const BRAT_CONF = `# News Lens brat export: the types of the .ann files in this folder (and its subfolders).
# Written by News Lens (news-lens export --format brat); brat and INCEpTION read it.

[entities]

Person
Organization
Country
Quote

[relations]

Speaker\tArg1:Quote, Arg2:${ARGS}
Call\tArg1:${ARGS}, Arg2:${ARGS}
Meeting\tArg1:${ARGS}, Arg2:${ARGS}
Talks\tArg1:${ARGS}, Arg2:${ARGS}
Message\tArg1:${ARGS}, Arg2:${ARGS}
Interaction\tArg1:${ARGS}, Arg2:${ARGS}
# Quotes contain mentions, and mentions may overlap ("Netanyahu" inside "Netanyahu's Office").
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]

Leader\tArg:Person
Form\tArg:${ARGS}, Value:name|title|pronoun|description|demonym|capital|metonym|acronym
Kind\tArg:Quote, Value:direct|mixed|indirect
`;

/** The UTF-16 fragments of [start, end) between line breaks, without empty or blank ones. */
export function fragmentsOf(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || LINE_BREAK.test(text[i])) {
      if (i > from && text.slice(from, i).trim()) out.push([from, i]);
      from = i + 1;
    }
  }
  return out;
}

/** One line of free text for the .ann file: no tabs or line breaks. */
function oneLine(s: string): string {
  return s.replace(/[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+/g, ' ');
}

interface TextBound {
  id: string;
  type: string;
  start: number;
  end: number;
  entity?: Entity;
  mention?: Mention;
  quote?: Quote;
}

export function renderBrat(input: ExportInput, stem: string): ExportFile[] {
  const { annotations: a, text } = input;
  const cp = codePointMapper(text, { crlfToLf: true });
  const byId = entityIndex(a);

  // Text-bound annotations in text order.
  const items: Omit<TextBound, 'id'>[] = [];
  for (const entity of a.entities) {
    for (const mention of entity.mentions) items.push({ type: ENTITY_TYPES[entity.type], start: mention.start, end: mention.end, entity, mention });
  }
  for (const quote of a.quotes) items.push({ type: 'Quote', start: quote.start, end: quote.end, quote });
  items.sort((x, y) => x.start - y.start || x.end - y.end || x.type.localeCompare(y.type) || (x.entity?.id ?? '').localeCompare(y.entity?.id ?? ''));

  const tLines: string[] = [];
  const bounds: TextBound[] = [];
  const byMention = new Map<Mention, TextBound>();
  const byQuote = new Map<Quote, TextBound>();
  for (const item of items) {
    const frags = fragmentsOf(text, item.start, item.end);
    if (!frags.length) continue; // a blank span: nothing brat could show
    const tb: TextBound = { id: `T${bounds.length + 1}`, ...item };
    bounds.push(tb);
    if (item.mention) byMention.set(item.mention, tb);
    if (item.quote) byQuote.set(item.quote, tb);
    const offsets = frags.map(([s, e]) => `${cp(s)} ${cp(e)}`).join(';');
    tLines.push(`${tb.id}\t${tb.type} ${offsets}\t${frags.map(([s, e]) => text.slice(s, e)).join(' ')}`);
  }

  const rLines: string[] = [];
  const relations = new Set<string>();
  const relate = (type: string, from: TextBound | undefined, to: TextBound | undefined) => {
    if (!from || !to || from === to) return;
    const key = `${type} Arg1:${from.id} Arg2:${to.id}`;
    if (relations.has(key)) return;
    relations.add(key);
    rLines.push(`R${rLines.length + 1}\t${key}`);
  };
  for (const tb of bounds) {
    if (!tb.quote?.speaker) continue;
    const speaker = byId.get(tb.quote.speaker);
    const named = speakerMentionOf(tb.quote, speaker);
    relate('Speaker', tb, named ? byMention.get(named) : undefined);
  }
  for (const i of a.interactions) {
    const [first, ...others] = i.participants.map((id) => byId.get(id));
    if (!first) continue;
    const type = BRAT_INTERACTION_TYPES[i.kind] ?? 'Interaction';
    const from = participantMention(first, i.evidence);
    for (const other of others) {
      const to = other && participantMention(other, i.evidence);
      relate(type, from && byMention.get(from), to && byMention.get(to));
    }
  }

  const aLines: string[] = [];
  const nLines: string[] = [];
  const notes = new Map<string, string[]>();
  const note = (tb: TextBound, s: string) => notes.set(tb.id, [...(notes.get(tb.id) ?? []), s]);
  if (bounds[0]) note(bounds[0], `source ${input.path}, SHA-256 ${a.source.sha256} (news-lens/annotations@1)`);
  const firstSeen = new Set<string>();
  for (const tb of bounds) {
    const e = tb.entity;
    if (e && tb.mention) {
      aLines.push(`A${aLines.length + 1}\tForm ${tb.id} ${tb.mention.form}`);
      if (e.type === 'person' && e.leader) aLines.push(`A${aLines.length + 1}\tLeader ${tb.id}`);
      nLines.push(`N${nLines.length + 1}\tReference ${tb.id} NewsLens:${e.id}\t${oneLine(e.name)}`);
      if (e.type === 'country' && e.iso3) nLines.push(`N${nLines.length + 1}\tReference ${tb.id} ISO3166-1:${e.iso3}\t${oneLine(e.name)}`);
      if (e.kbId) nLines.push(`N${nLines.length + 1}\tReference ${tb.id} NewsLensKB:${e.kbId}\t${oneLine(e.name)}`);
      if (!firstSeen.has(e.id)) {
        firstSeen.add(e.id);
        const principal = e.speaksFor ? byId.get(e.speaksFor) : undefined;
        const facts = [e.name, titleOf(e), countryOf(e), e.leader ? 'leader' : undefined, principal ? `speaks for ${principal.name}` : undefined];
        note(tb, facts.filter(Boolean).join('; '));
      }
    } else if (tb.quote) {
      const q = tb.quote;
      aLines.push(`A${aLines.length + 1}\tKind ${tb.id} ${q.kind}`);
      const speaker = q.speaker ? byId.get(q.speaker) : undefined;
      note(tb, `${q.kind} quote; speaker: ${speaker ? speaker.name : 'not found'}${q.cue ? `; cue: ${q.cue.text}` : ''}`);
    }
  }
  const noteLines = [...notes].map(([id, parts], k) => `#${k + 1}\tAnnotatorNotes ${id}\t${oneLine(parts.join(' | '))}`);

  const ann = [...tLines, ...rLines, ...aLines, ...nLines, ...noteLines].map((l) => l + '\n').join('');
  return [
    { name: `${stem}.ann`, content: ann },
    { name: `${stem}.txt`, content: lfText(text) },
    { name: 'annotation.conf', content: BRAT_CONF },
  ];
}
