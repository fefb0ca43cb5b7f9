// The human-annotated training and evaluation data: the GUM documents in the shared folder (JSON Lines; see
// ../shared/data/README.md), turned into tagger sequences (one per paragraph) with BIO labels for person names.
import fs from 'node:fs';
import path from 'node:path';
import { lexicon } from '../core/lexicon';
import type { KnowledgeBase } from '../core/knowledgeBase';
import { paragraphSlots } from '../core/slots';
import { paragraphFeatures } from '../core/names/features';
import { knowledgeBaseNameWords } from '../core/names/nameTagger';
import type { TrainingSequence } from '../core/names/perceptron';
import { splitParagraphs, tokenize, type Token } from '../core/text';
import { DESCRIPTOR_WORDS, ORGANISATION_WORDS } from '../core/vocabulary';

export interface GumSpan {
  start: number;
  end: number;
  text: string;
  iso3?: string;
}

export interface GumDocument {
  id: string;
  genre: string;
  date?: string;
  text: string;
  persons: GumSpan[];
  countries: GumSpan[];
  layers?: { persons?: boolean; countries?: boolean };
}

export const GUM_FILES = ['gum-news-dev.jsonl', 'gum-other-genres.jsonl'];

export function sharedDir(): string {
  return process.env.NEWS_LENS_SHARED ?? path.resolve(__dirname, '../../../../../shared');
}

/** Every GUM document in the shared folder, in file order; the files that were read. */
export function readGumDocuments(shared = sharedDir()): { documents: GumDocument[]; files: string[] } {
  const documents: GumDocument[] = [];
  const files: string[] = [];
  for (const name of GUM_FILES) {
    const file = path.join(shared, 'data', name);
    if (!fs.existsSync(file)) continue;
    files.push(file);
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line.trim()) documents.push(JSON.parse(line));
  }
  return { documents, files };
}

// Gold "person names" that are not names of individuals: plural demonyms and group nouns ("Americans",
// "Muslims", "Engineers"), and IPA transcriptions. They stay in the evaluation gold; the tagger is not
// taught to find them.
const IPA_RE = /[ˈˌːəɛɔʃʒθðŋɑɐʁʊɪʌæ̃]/u;

function teachable(span: GumSpan, lex = lexicon()): boolean {
  if (IPA_RE.test(span.text) || !/^\p{Lu}/u.test(span.text.replace(/^(?:d['’]|l['’]|al-|el-|de |van |von |du )/i, ''))) return false;
  const words = span.text.split(/\s+/);
  if (words.length > 1) return true;
  const lower = words[0].toLowerCase();
  const tags = lex.tagsOf(lower);
  const singular = lower.replace(/s$/, '');
  if (lower.endsWith('s') && (tags.includes('Plural') || tags.includes('Demonym') || lex.tagsOf(singular).some((t) => t === 'Demonym' || t === 'Actor' || t === 'Noun' || t === 'Singular')))
    return false;
  return true;
}

/** One training sequence per paragraph: the tagger's features and BIO labels from the gold person names. */
export function personSequences(doc: GumDocument, kb: KnowledgeBase): TrainingSequence[] {
  const lex = lexicon();
  const nameWords = knowledgeBaseNameWords(kb);
  const gold = (doc.persons ?? []).filter((s) => teachable(s, lex)).sort((a, b) => a.start - b.start);
  // Longest first, so that "Ahmed Mohamed" is found before "Mohamed".
  const goldNames = [...new Set(gold.map((g) => tokenize(g.text).map((t) => t.text).join(' ')))].sort((a, b) => b.split(' ').length - a.split(' ').length || a.localeCompare(b));
  const goldSurnames = new Set(gold.map((g) => g.text.split(/\s+/).pop()!));
  const out: TrainingSequence[] = [];
  for (const p of splitParagraphs(doc.text)) {
    const tokens = tokenize(p.text);
    if (!tokens.length) continue;
    const slots = paragraphSlots(p.text, tokens, lex);
    const labels = tokens.map(() => 0);
    for (const g of gold) {
      if (g.end <= p.start || g.start >= p.end) continue;
      let first = true;
      tokens.forEach((t, k) => {
        const s = t.start + p.start;
        if (s >= g.start && s < g.end) {
          labels[k] = first ? 1 : 2;
          first = false;
        }
      });
    }
    repairRoleNounNames(tokens, slots, labels, goldSurnames, lex);
    {
      // The annotators' own names, wherever else the document writes them: GUM's name spans come from a
      // heuristic that misses some mentions of annotated people (headlines, names after a role noun).
      for (let k = 0; k < tokens.length; k++) {
        if (labels[k] || !tokens[k].cap) continue;
        for (const name of goldNames) {
          const parts = name.split(' ');
          if (k + parts.length > tokens.length || parts.some((w, m) => tokens[k + m].text !== w || labels[k + m])) continue;
          if (k + parts.length < tokens.length && tokens[k + parts.length].cap && tokens[k + parts.length].word && tokens[k + parts.length].start - tokens[k + parts.length - 1].end === 1) continue;
          if (k > 0 && tokens[k - 1].cap && tokens[k - 1].word && tokens[k].start - tokens[k - 1].end === 1) continue;
          parts.forEach((_, m) => (labels[k + m] = m === 0 ? 1 : 2));
          break;
        }
      }
    }
    out.push({ features: paragraphFeatures(tokens, slots, lex, nameWords), labels });
  }
  return out;
}

/**
 * GUM's name spans leave out people introduced by a lower-case role noun ("creator Mark Zuckerberg",
 * "captain Harry Kane", "barrister Colin Yeo": the heuristic that extracted them skips mentions headed by
 * a common noun). For training, such a run of two or three capitalised words is labelled a name when it
 * starts with a known first name or ends with a surname the document's gold names elsewhere.
 */
function repairRoleNounNames(tokens: Token[], slots: ReturnType<typeof paragraphSlots>, labels: number[], goldSurnames: Set<string>, lex = lexicon()): void {
  for (let k = 1; k < tokens.length; k++) {
    const prev = tokens[k - 1];
    if (!tokens[k].cap || labels[k] || prev.cap || !prev.word) continue;
    const role = DESCRIPTOR_WORDS.has(prev.lower) || lex.tagsOf(prev.lower).includes('Actor') || (slots[k - 1]?.kind === 'phrase' && (slots[k - 1] as { match: { value: { type: string } } }).match.value.type === 'title');
    if (!role) continue;
    let j = k;
    while (j < tokens.length && tokens[j].cap && tokens[j].word && !labels[j] && (j === k || tokens[j].start - tokens[j - 1].end === 1)) j++;
    if (j - k < 2 || j - k > 3) continue;
    const words = tokens.slice(k, j);
    if (words.some((w) => ORGANISATION_WORDS.has(w.lower) || /^\p{Lu}+$/u.test(w.text))) continue;
    if (!lex.isFirstName(words[0].lower) && !goldSurnames.has(words[words.length - 1].text)) continue;
    for (let m = k; m < j; m++) labels[m] = m === k ? 1 : 2;
    k = j - 1;
  }
}
