// What the paragraph stage hands on: candidate mentions with offsets relative to their paragraph (names
// with their attached titles, title-only and descriptive mentions, organisations, country mentions).
import type { Token } from '../text';

export interface TitleSpan {
  start: number;
  end: number;
  /** Normalised office ("Prime Minister"); empty for honorifics-only titles. */
  office: string;
  /** "former", "acting", "then"...: the office is not (only) held at the article's date. */
  modifier?: string;
  leader: boolean;
  country?: string;
}

export type CandidateKind = 'person' | 'maybe-person' | 'country' | 'org' | 'title-only' | 'description';

export interface Candidate {
  kind: CandidateKind;
  start: number;
  end: number;
  form: 'name' | 'title' | 'description' | 'demonym' | 'capital' | 'metonym' | 'acronym';
  /** Country (ISO alpha-3) for country mentions; the person's country from the title for persons. */
  iso3?: string;
  title?: TitleSpan;
  /** Knowledge-base id of a person whose full name or alias this is. */
  kbId?: string;
  /** Metonym/organisation id and name for 'org' candidates. */
  orgId?: string;
  orgName?: string;
  /** For "<Person>'s Office": the start offset of the person's name inside the org mention. */
  ownerStart?: number;
  /** For an organisation named after a person ("Chiang Kai Shek Memorial"): where the person's name starts. */
  eponymStart?: number;
  /** Name tokens (original spelling) for persons. */
  nameTokens?: string[];
  sentence: number;
  /** Token index range in the paragraph's token list. */
  tokenFrom: number;
  tokenTo: number;
  /** Evidence that a name is a person: followed by a speech verb, has a first name, etc. */
  evidence?: string;
}

/** Evidence of a name the rules read but the tagger did not tag: it may only join a person named elsewhere. */
export const LINK_ONLY = 'link-only';

/** A person-name candidate over tokens [from, to). */
export function nameCandidate(tokens: Token[], from: number, to: number, kind: CandidateKind, evidence: string, extra: Partial<Candidate> = {}): Candidate {
  return {
    kind,
    form: 'name',
    start: tokens[from].start,
    end: tokens[to - 1].end,
    sentence: tokens[from].sentence,
    tokenFrom: from,
    tokenTo: to,
    nameTokens: tokens.slice(from, to).map((w) => w.text),
    ...extra,
    evidence,
  };
}
