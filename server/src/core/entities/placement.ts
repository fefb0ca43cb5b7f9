// Candidates placed in the document without copying them on every edit. A paragraph's candidates keep
// offsets relative to the paragraph; the paragraph object carries its current start and index, which the
// analyzer updates when text before it changes. Reading `start` adds the two, so an edit moves every
// following candidate by updating one number per paragraph.
import type { Candidate, TitleSpan } from '../paragraph/candidates';
import type { LiveParagraph } from '../paragraph/cache';
import type { PlacedCandidate } from './table';

class PlacedTitle implements TitleSpan {
  private readonly relStart: number;
  private readonly relEnd: number;
  readonly office: string;
  readonly leader: boolean;
  readonly country?: string;
  readonly modifier?: string;
  constructor(
    rel: TitleSpan,
    private readonly para: LiveParagraph,
  ) {
    this.relStart = rel.start;
    this.relEnd = rel.end;
    this.office = rel.office;
    this.leader = rel.leader;
    this.country = rel.country;
    this.modifier = rel.modifier;
  }
  get start(): number {
    return this.relStart + this.para.start;
  }
  get end(): number {
    return this.relEnd + this.para.start;
  }
}

class Placed implements PlacedCandidate {
  // Copied into fields of this class so that the offset getters read one object shape (candidates come in
  // several literal shapes, which would make every read polymorphic).
  private readonly relStart: number;
  private readonly relEnd: number;
  private readonly relOwner: number;
  private readonly relSentence: number;
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
  orgFirst?: string;
  orgKey?: string;
  orgForm?: PlacedCandidate['orgForm'];
  resolved?: PlacedCandidate['resolved'];
  constructor(
    rel: Candidate,
    private readonly paragraph: LiveParagraph,
  ) {
    this.relStart = rel.start;
    this.relEnd = rel.end;
    this.relOwner = rel.ownerStart ?? -1;
    this.relSentence = rel.sentence;
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
    return this.relStart + this.paragraph.start;
  }
  get end(): number {
    return this.relEnd + this.paragraph.start;
  }
  get ownerStart(): number | undefined {
    return this.relOwner < 0 ? undefined : this.relOwner + this.paragraph.start;
  }
  get para(): number {
    return this.paragraph.index;
  }
  get sentenceKey(): number {
    return this.paragraph.index * 100000 + this.relSentence;
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
