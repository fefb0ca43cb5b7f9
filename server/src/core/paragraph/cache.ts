// The paragraph cache: paragraph-level work (tokens, names, titles, countries, speech and trigger
// patterns) is kept by paragraph text, so re-analysing a document after a one-paragraph edit re-reads only
// that paragraph. Paragraph objects are kept too (with their placed candidates, see entities/placement.ts):
// an edit before them only moves their offsets.
import type { KnowledgeBase } from '../knowledgeBase';
import type { SequenceModel } from '../names/perceptron';
import { splitParagraphs, type Paragraph } from '../text';
import { analyzeParagraph, type ParagraphFacts } from './analyze';

/** A paragraph as the analyzer tracks it between edits. */
export interface LiveParagraph extends Paragraph {
  /** Position among the document's paragraphs. */
  index: number;
}

/** A document's paragraphs with their facts, as the last analysis left them. */
export interface ParagraphState {
  text: string;
  paragraphs: LiveParagraph[];
  facts: ParagraphFacts[];
}

/** The paragraphs of `text` with their facts: reused from `prev` where the edit left them alone. */
export function readParagraphs(prev: ParagraphState | undefined, text: string, kb: KnowledgeBase, nameModel?: SequenceModel): ParagraphState {
  const { paragraphs, facts } = prev ? reuseParagraphs(prev, text, kb, nameModel) : splitAndAnalyze(text, 0, text.length, kb, new Map(), nameModel);
  paragraphs.forEach((p, i) => (p.index = i));
  return { text, paragraphs, facts };
}

function splitAndAnalyze(text: string, from: number, to: number, kb: KnowledgeBase, known: Map<string, ParagraphFacts>, nameModel?: SequenceModel) {
  const paragraphs = splitParagraphs(from === 0 && to === text.length ? text : text.slice(from, to)) as LiveParagraph[];
  const facts: ParagraphFacts[] = [];
  for (const p of paragraphs) {
    p.start += from;
    p.end += from;
    let f = known.get(p.text);
    if (!f) known.set(p.text, (f = analyzeParagraph(p.text, kb, nameModel)));
    facts.push(f);
  }
  return { paragraphs, facts };
}

/**
 * An edit changes one stretch of the text: paragraphs wholly before it are kept, those wholly after it
 * are kept and shifted, and only the stretch between them is split and read again. (Finding the stretch
 * is two linear scans of the text, far cheaper than splitting and hashing every paragraph.)
 */
function reuseParagraphs(prev: ParagraphState, text: string, kb: KnowledgeBase, nameModel?: SequenceModel) {
  const old = prev.text;
  const max = Math.min(old.length, text.length);
  // Compare in blocks first (string equality runs natively), then character by character.
  const BLOCK = 2048;
  let pre = 0;
  while (pre + BLOCK <= max && old.slice(pre, pre + BLOCK) === text.slice(pre, pre + BLOCK)) pre += BLOCK;
  while (pre < max && old.charCodeAt(pre) === text.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf + BLOCK <= max - pre && old.slice(old.length - suf - BLOCK, old.length - suf) === text.slice(text.length - suf - BLOCK, text.length - suf)) suf += BLOCK;
  while (suf < max - pre && old.charCodeAt(old.length - 1 - suf) === text.charCodeAt(text.length - 1 - suf)) suf++;
  const delta = text.length - old.length;
  // Kept before: the line break ending the paragraph lies in the common prefix.
  let before = 0;
  while (before < prev.paragraphs.length && prev.paragraphs[before].end < pre) before++;
  // Kept after: the line break before the paragraph lies in the common suffix.
  let after = prev.paragraphs.length;
  while (after > before && prev.paragraphs[after - 1].start - 1 >= old.length - suf) after--;
  const midStart = before > 0 ? prev.paragraphs[before - 1].end : 0;
  const midEnd = after < prev.paragraphs.length ? prev.paragraphs[after].start + delta : text.length;
  // Paragraphs that left the edited stretch may come back (undo, paste): keep their facts at hand.
  const known = new Map<string, ParagraphFacts>();
  for (let i = before; i < after; i++) known.set(prev.paragraphs[i].text, prev.facts[i]);
  const mid = splitAndAnalyze(text, midStart, midEnd, kb, known, nameModel);
  // Moved paragraphs keep their objects (and so their placed candidates): only their offsets change.
  const shifted = prev.paragraphs.slice(after);
  if (delta) for (const p of shifted) {
    p.start += delta;
    p.end += delta;
  }
  return {
    paragraphs: [...prev.paragraphs.slice(0, before), ...mid.paragraphs, ...shifted],
    facts: [...prev.facts.slice(0, before), ...mid.facts, ...prev.facts.slice(after)],
  };
}
