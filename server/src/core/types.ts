import type { SequenceModel } from './names/perceptron';

// The engine's output model. Everything here is plain, JSON-serialisable data: the CLI prints it, the
// language server caches it per document version, the tests compare it. Offsets are UTF-16 code-unit
// indexes into the analysed text (JavaScript string indexes, LSP's default encoding), end exclusive,
// and `text === source.slice(start, end)` always holds.

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type MentionForm =
  | 'name'
  | 'title'
  | 'pronoun'
  | 'description'
  | 'demonym'
  | 'capital'
  | 'metonym'
  | 'acronym';

export interface Mention extends Span {
  form: MentionForm;
  /** Title words attached to this mention ("Israeli President" before "Benjamin Netanyahu"). */
  title?: Span;
  /** Normalised office named by `title` (or by the mention itself for form 'title'/'description'). */
  office?: string;
  /** Country (ISO alpha-3) that the attached title names through a demonym or "of X". */
  officeCountry?: string;
}

export type RoleSource = 'text' | 'knowledge-base' | 'user-gazetteer';

export interface Role {
  /** Normalised office, e.g. "Prime Minister". */
  title: string;
  /** ISO alpha-3 of the country the office belongs to. */
  country?: string;
  source: RoleSource;
  /** Term dates from the knowledge base (ISO 8601 dates); `end` absent while in office. */
  start?: string;
  end?: string;
}

export type EntityType = 'person' | 'country' | 'organization';

export interface Entity {
  /** Stable within the document: 'person:vladimir-putin', 'country:RUS', 'org:kremlin'. */
  id: string;
  type: EntityType;
  /** Canonical name: 'Benjamin Netanyahu', 'Israel', 'the Kremlin'. */
  name: string;
  /** Countries: ISO 3166-1 alpha-3. */
  iso3?: string;
  /** Persons and organisations: ISO alpha-3 of the country they belong to, when known. */
  country?: string;
  /** Persons: a head of state or government or another political leader. */
  leader?: boolean;
  roles?: Role[];
  /** Knowledge-base or gazetteer id when the entity was linked to one. */
  kbId?: string;
  /** Organisations: the person they speak for ("Netanyahu's Office" → Netanyahu). */
  speaksFor?: string;
  /** Persons: an unnamed person or group the article cites as a source ("officials", "a spokesperson"). */
  group?: boolean;
  mentions: Mention[];
}

export type QuoteKind = 'direct' | 'mixed' | 'indirect';

export interface Quote extends Span {
  id: string;
  kind: QuoteKind;
  /** Id of the entity that said it, or null when no speaker could be found. */
  speaker: string | null;
  /** The words naming the speaker for this quote ("the Kremlin statement", "she", "Netanyahu"). */
  speakerMention: Span | null;
  /** The attribution cue ("said", "the statement read", "according to"). */
  cue: Span | null;
  /** How the speaker was found, for hovers and debugging. */
  attribution?: 'cue' | 'colon' | 'continuation' | 'pronoun' | 'according-to' | 'none';
}

export type InteractionKind = 'call' | 'meeting' | 'talks' | 'message';

export interface Interaction {
  kind: InteractionKind;
  /** Entity ids, initiator first when known. */
  participants: string[];
  evidence: Span;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedInformation {
  span: Span;
  message: string;
}

export interface Diagnostic extends Span {
  /** Stable kebab-case code: 'title-mismatch', 'unattributed-quote', ... */
  code: string;
  severity: Severity;
  message: string;
  related?: RelatedInformation[];
  /** Machine-readable data for code actions (e.g. the knowledge base's title). */
  data?: Record<string, string>;
}

export interface Analysis {
  schema: 'news-lens/annotations@1';
  source: {
    /** UTF-16 length of the analysed text. */
    length: number;
    /** Article date used for date-aware checks (ISO 8601), when known. */
    date?: string;
    /** Where the date came from. */
    dateSource?: 'option' | 'front-matter' | 'dateline';
  };
  entities: Entity[];
  quotes: Quote[];
  interactions: Interaction[];
  diagnostics: Diagnostic[];
}

/** One person in the leaders knowledge base or in a user's gazetteer file (see docs/gazetteer.md). */
export interface LeaderRecord {
  /** Stable id, kebab-case of the usual English name: 'vladimir-putin'. */
  id: string;
  /** Usual English name as news writes it: 'Vladimir Putin'. */
  name: string;
  /** Other spellings and short forms that name only this person: 'Mahmud Abbas', 'Abu Mazen'. */
  aliases?: string[];
  /** The surname as used alone in news ('Putin', 'al-Sisi'); defaults to the last word of `name`. */
  surname?: string;
  /** Grammatical gender for pronoun resolution, when known. */
  gender?: 'm' | 'f';
  offices: OfficeTerm[];
}

export interface OfficeTerm {
  /** Normalised office title: 'President', 'Prime Minister', 'King', 'Chancellor', 'Supreme Leader'... */
  title: string;
  /** ISO alpha-3 of the country. */
  country: string;
  role: 'head_of_state' | 'head_of_government' | 'other';
  /** ISO date the term began (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known). */
  start: string;
  /** ISO date the term ended; absent while in office. */
  end?: string;
}

export interface AnalyzeOptions {
  /** Article date (YYYY-MM-DD) overriding any dateline or front matter. */
  date?: string;
  /** Extra leaders from user gazetteer files, already parsed and validated. */
  gazetteer?: LeaderRecord[];
  /** Severity per diagnostic code, overriding the defaults. */
  severities?: Record<string, Severity | 'off'>;
  /** A name-tagger model instead of the shipped one: cross-validation runs the engine with each fold's model. */
  nameModel?: SequenceModel;
  /** Weights of the pronoun-antecedent score instead of the shipped ones: the evaluation fits them by cross-validation. */
  pronounWeights?: PronounWeights;
}

/** The features of a speaker pronoun's antecedent score (attribution/pronouns.ts) and their weights. */
export interface PronounWeights {
  /** Per sentence between the mention and the pronoun (subtracted). */
  sentence: number;
  /** The person spoke in the last quote before the pronoun. */
  lastSpeaker: number;
  /** The person spoke in one of the two quotes before that. */
  earlierSpeaker: number;
  /** The mention is its sentence's subject (the first person named in it, not after a preposition). */
  subject: number;
  /** The mention follows a preposition ("to Mohamed", subtracted). */
  afterPreposition: number;
  /** The mention is in the pronoun's paragraph. */
  sameParagraph: number;
}
