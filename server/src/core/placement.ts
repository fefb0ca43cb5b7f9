// Candidates placed in the document without copying them on every edit. A paragraph's candidates keep
// offsets relative to the paragraph; the paragraph object carries its current start and index, which the
// analyzer updates when text before it changes. Reading `start` adds the two, so an edit moves every
// following candidate by updating one number per paragraph.
import type { PlacedCandidate } from './entities';
import type { Candidate, TitleSpan } from './mentions';
import type { Paragraph } from './text';

/** A paragraph as the analyzer tracks it between edits. */
export interface LiveParagraph extends Paragraph {
  /** Position among the document's paragraphs. */
  index: number;
}

class PlacedTitle implements TitleSpan {
  readonly office: string;
  readonly leader: boolean;
  readonly country?: string;
  readonly modifier?: string;
  constructor(
    private readonly rel: TitleSpan,
    private readonly para: LiveParagraph,
  ) {
    this.office = rel.office;
    this.leader = rel.leader;
    this.country = rel.country;
    this.modifier = rel.modifier;
  }
  get start(): number {
    return this.rel.start + this.para.start;
  }
  get end(): number {
    return this.rel.end + this.para.start;
  }
}

class Placed implements PlacedCandidate {
  readonly kind: Candidate['kind'];
  readonly form: Candidate['form'];
  readonly iso3?: string;
  readonly title?: TitleSpan;
  readonly kbId?: string;
  readonly orgId?: string;
  readonly orgName?: string;
  readonly nameTokens?: string[];
  readonly sentence: number;
  readonly tokenFrom: number;
  readonly tokenTo: number;
  readonly evidence?: string;
  folded?: PlacedCandidate['folded'];
  surface?: string;
  output?: PlacedCandidate['output'];
  constructor(
    private readonly rel: Candidate,
    private readonly paragraph: LiveParagraph,
  ) {
    this.kind = rel.kind;
    this.form = rel.form;
    this.iso3 = rel.iso3;
    this.title = rel.title ? new PlacedTitle(rel.title, paragraph) : undefined;
    this.kbId = rel.kbId;
    this.orgId = rel.orgId;
    this.orgName = rel.orgName;
    this.nameTokens = rel.nameTokens;
    this.sentence = rel.sentence;
    this.tokenFrom = rel.tokenFrom;
    this.tokenTo = rel.tokenTo;
    this.evidence = rel.evidence;
  }
  get start(): number {
    return this.rel.start + this.paragraph.start;
  }
  get end(): number {
    return this.rel.end + this.paragraph.start;
  }
  get ownerStart(): number | undefined {
    return this.rel.ownerStart === undefined ? undefined : this.rel.ownerStart + this.paragraph.start;
  }
  get para(): number {
    return this.paragraph.index;
  }
  get sentenceKey(): number {
    return this.paragraph.index * 100000 + this.rel.sentence;
  }
}

const placedOf = new WeakMap<LiveParagraph, { candidates: Candidate[]; placed: PlacedCandidate[] }>();

/** The paragraph's candidates in document coordinates; built once per paragraph object. */
export function placeCandidates(paragraph: LiveParagraph, candidates: Candidate[]): PlacedCandidate[] {
  const memo = placedOf.get(paragraph);
  if (memo && memo.candidates === candidates) return memo.placed;
  const placed = candidates.map((c) => new Placed(c, paragraph));
  placedOf.set(paragraph, { candidates, placed });
  return placed;
}
