// The entity stage's output: the placed candidates it reads, the mentions it resolves, and the table of
// entities that quotes, attribution, interactions and the rules look people and organisations up in.
import type { Candidate, TitleSpan } from '../paragraph/candidates';
import type { Entity, Mention } from '../types';

/** A candidate placed in the document: absolute offsets plus its paragraph and sentence. */
export interface PlacedCandidate extends Candidate {
  /** Folded forms, computed once: placed candidates are kept across analyses while their paragraph is. */
  folded?: { tokens: string[]; key: string };
  /** A single name folded, computed once (see clusterPeople). */
  foldedSingle?: string;
  surface?: string;
  /** The mention this candidate became in the last analysis (see outputMention). */
  output?: Mention;
  /** Organisations: the folded first word, the id key and the mention form, computed once. */
  orgFirst?: string;
  orgKey?: string;
  orgForm?: Mention['form'];
  resolved?: ResolvedMention;
  /** Countries in match reports: named after "in", "from", "to"… (a place, not a team); see teams.ts. */
  placeAfterPreposition?: boolean;
  /** The entity build (a run number) that last resolved this candidate. */
  resolvedIn?: number;
  para: number;
  /** Document-wide sentence key: paragraph * 10000 + sentence. */
  sentenceKey: number;
}

export interface ResolvedMention {
  start: number;
  end: number;
  entityId: string;
  type: Entity['type'];
  form: Mention['form'];
  sentenceKey: number;
  para: number;
}

export interface NameVariant {
  entityId: string;
  variant: { start: number; end: number; text: string };
  preferred: { start: number; end: number; text: string };
}

export interface EntityTable {
  entities: Entity[];
  /** Mentions overlapping [start, end), in document order (binary search over `mentions`). */
  range(start: number, end: number): ResolvedMention[];
  byId: Map<string, Entity>;
  /** Every mention of a person, organisation or country, in document order. */
  mentions: ResolvedMention[];
  variants: NameVariant[];
  /** Title spans as written, per person mention start (for the title-mismatch rule). */
  titles: { entityId: string; mentionStart: number; title: TitleSpan }[];
  /** Acronyms introduced in brackets after an organisation's name that were not read as names themselves → its id. */
  acronyms: Map<string, string>;
}

/** Mentions are short, so those overlapping a range start at most MAX_MENTION before it. */
const MAX_MENTION = 300;

export function rangeOver(mentions: ResolvedMention[]): EntityTable['range'] {
  return (start, end) => {
    let lo = 0;
    let hi = mentions.length;
    const from = start - MAX_MENTION;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: ResolvedMention[] = [];
    for (let i = lo; i < mentions.length && mentions[i].start < end; i++) if (mentions[i].end > start) out.push(mentions[i]);
    return out;
  };
}

/** A table with no entities: for reading cues inside one paragraph, before entities exist. */
export function emptyTable(): EntityTable {
  return { entities: [], byId: new Map(), mentions: [], variants: [], titles: [], acronyms: new Map(), range: () => [] };
}
