// Paragraph-level facts: tokens, candidate mentions (names with their attached titles, title-only and
// descriptive mentions, organisations, country names, demonyms, capitals and metonyms), reported-speech
// patterns and interaction triggers. Everything here depends on one paragraph's text only, so results are
// cached by paragraph text and shifted to absolute offsets by the caller.
import type { KnowledgeBase } from '../knowledgeBase';
import { lexicon } from '../lexicon';
import { shippedNameModel } from '../names/nameTagger';
import type { SequenceModel } from '../names/perceptron';
import { paragraphSlots } from '../slots';
import { tokenize, type Token } from '../text';
import type { Candidate } from './candidates';
import { addNames } from './names';
import { addOfficeOrganisations } from './organisations';
import { addPhraseCandidates } from './phrases';
import { findSpeechPatterns, type SpeechPattern } from './speechPatterns';
import { findTriggerPatterns, type TriggerPattern } from './triggerPatterns';

export interface ParagraphFacts {
  tokens: Token[];
  candidates: Candidate[];
  speech: SpeechPattern[];
  triggers: TriggerPattern[];
}

export function analyzeParagraph(text: string, kb: KnowledgeBase, nameModel: SequenceModel = shippedNameModel()): ParagraphFacts {
  const lex = lexicon();
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  // 1. Phrase matches.
  const slots = paragraphSlots(text, tokens, lex);
  // 1–2. People's names: the tagger's, then the rules' name chunks (names.ts).
  addNames(tokens, slots, lex, kb, nameModel, candidates);

  // 3. Country, capital and metonym mentions from phrase matches; title-only and descriptive mentions.
  addPhraseCandidates(tokens, slots, lex, candidates);

  // 4. Offices of people: "Netanyahu's Office", "the office of Prime Minister X" become organisations.
  addOfficeOrganisations(tokens, candidates);

  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  return { tokens, candidates: dropOverlaps(candidates), speech: findSpeechPatterns(tokens), triggers: findTriggerPatterns(tokens) };
}

/** Removes candidates fully inside a longer one of an incompatible kind (keeps persons inside their office org). */
function dropOverlaps(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Candidates come sorted by start; only those still open at c.start can contain c.
  let open: Candidate[] = [];
  for (const c of cands) {
    if (open.length > 8) open = open.filter((o) => o.end >= c.start);
    const clash = open.find(
      (o) => o.start <= c.start && o.end >= c.end && o !== c && !(o.kind === 'org' && (o.ownerStart !== undefined || o.eponymStart === c.start)) &&
        !(o.kind === 'org' && c.kind === 'country') && !(o.title && c.kind === 'country' && c.end <= o.start),
    );
    if (clash && !(c.kind === 'country' && clash.kind === 'org')) continue;
    out.push(c);
    open.push(c);
  }
  return out;
}
