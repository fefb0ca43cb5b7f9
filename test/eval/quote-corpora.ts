// 2. Our quote corpora (test/fixtures/quotes/wire, intl): direct-quote P/R/F1 (≥ 50% overlap of the
// longer span, and exact), speaker accuracy, interactions, people.

import type { Analysis, AnalyzeOptions, Entity, Quote } from '../../server/src/core/types';
import { context, run, type Detail } from './harness';
import { namesMatch, speakerMatches } from './matching';
import type { QuoteFixture } from './quote-fixtures';
import { exactSpan, greedyMatch, halfOfLonger, overlap, prf, type Interval, type PRF } from './scoring';

export interface QuoteCorpusReport {
  corpus: string;
  fixtures: number;
  ms: number;
  errors: string[];
  badSpans: number;
  gold: { direct: number; mixed: number; scare: number; indirect: number };
  predicted: { direct: number; mixed: number; indirect: number };
  /** Main measure: gold direct+mixed; predictions overlapping a scare span are ignored. */
  quotes: PRF;
  /** Same, but predictions on scare-quoted terms count as false positives. */
  quotesScareAsNonQuotes: PRF;
  /** Exact span match (scare excluded). */
  quotesExact: PRF;
  /** Only full direct quotes: gold 'direct'; predictions on mixed fragments and scare terms ignored. */
  directOnly: PRF;
  /** Matched quotes whose kind (direct vs mixed) agrees with the gold. */
  kindAgreement: { same: number; matched: number };
  speaker: {
    /** Matched gold quotes that have a named speaker. */
    withSpeaker: number;
    correct: number;
    /** correct / withSpeaker. */
    accuracy: number;
    /** correct / all gold direct+mixed quotes with a named speaker (unmatched count as wrong). */
    endToEnd: number;
    goldWithSpeaker: number;
    /** Matched gold quotes with no named speaker that got one anyway. */
    spuriousSpeaker: number;
    goldWithoutSpeaker: number;
  };
  indirect: { gold: number; found: number; recall: number };
  interactions: { pairs: PRF; sameKind: number } | null;
  people: PRF;
  details: Detail[];
}

const entityById = (a: Analysis) => {
  const m = new Map<string, Entity>();
  for (const e of a.entities) m.set(e.id, e);
  return m;
};

function pairsOf(kind: string, names: string[]): { kind: string; a: string; b: string }[] {
  const out: { kind: string; a: string; b: string }[] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) out.push({ kind, a: names[i], b: names[j] });
  return out;
}

export function evaluateQuoteCorpus(corpus: string, fixtures: QuoteFixture[], verbose: boolean, options: AnalyzeOptions = {}): QuoteCorpusReport {
  const c = {
    main: [0, 0, 0],
    scareFp: [0, 0, 0],
    exact: [0, 0, 0],
    direct: [0, 0, 0],
    int: [0, 0, 0],
    people: [0, 0, 0],
  };
  const gold = { direct: 0, mixed: 0, scare: 0, indirect: 0 };
  const predicted = { direct: 0, mixed: 0, indirect: 0 };
  const sp = { withSpeaker: 0, correct: 0, goldWithSpeaker: 0, spuriousSpeaker: 0, goldWithoutSpeaker: 0 };
  const ind = { gold: 0, found: 0 };
  let intSameKind = 0;
  const kinds = { matched: 0, same: 0 };
  let anyInteractions = false;
  const errors: string[] = [];
  const details: Detail[] = [];
  let ms = 0;
  let badSpans = 0;

  for (const fx of fixtures) {
    const where = `${corpus}/${fx.name}`;
    const r = run(fx.text, undefined, options);
    ms += r.ms;
    badSpans += r.badSpans;
    if (r.error) errors.push(`${where}: ${r.error.split('\n')[0]}`);
    const a = r.analysis;
    const byId = entityById(a);
    const nameOf = (id: string | null) => (id ? byId.get(id)?.name ?? id : null);

    for (const q of fx.quotes) gold[q.kind]++;
    const goldQ = fx.quotes.filter((q) => q.kind === 'direct' || q.kind === 'mixed');
    const goldDirect = fx.quotes.filter((q) => q.kind === 'direct');
    const scare = fx.quotes.filter((q) => q.kind === 'scare');
    const mixed = fx.quotes.filter((q) => q.kind === 'mixed');
    const predQ = a.quotes.filter((q) => q.kind === 'direct' || q.kind === 'mixed');
    for (const q of a.quotes) predicted[q.kind]++;

    const onScare = (p: Interval) => scare.some((s) => overlap(s, p) > 0);
    const onMixed = (p: Interval) => mixed.some((s) => overlap(s, p) > 0);
    const tally = (acc: number[], g2p: number[], nGold: number, unmatchedPred: Quote[], ignore: (p: Quote) => boolean) => {
      const tp = g2p.filter((j) => j >= 0).length;
      acc[0] += tp;
      acc[1] += unmatchedPred.filter((p) => !ignore(p)).length;
      acc[2] += nGold - tp;
    };
    const unmatched = (g2p: number[], preds: Quote[]) => {
      const used = new Set(g2p);
      return preds.filter((_, j) => !used.has(j));
    };

    const main = greedyMatch(goldQ, predQ, halfOfLonger);
    const extra = unmatched(main, predQ);
    main.forEach((j, i) => {
      if (j < 0) return;
      kinds.matched++;
      if (predQ[j].kind === goldQ[i].kind) kinds.same++;
      else if (verbose) details.push({ where, what: `kind ✗ gold=${goldQ[i].kind} predicted=${predQ[j].kind} ${context(fx.text, goldQ[i])}` });
    });
    tally(c.main, main, goldQ.length, extra, onScare);
    tally(c.scareFp, main, goldQ.length, extra, () => false);
    const ex = greedyMatch(goldQ, predQ, exactSpan);
    tally(c.exact, ex, goldQ.length, unmatched(ex, predQ), onScare);
    const dOnly = greedyMatch(goldDirect, predQ, halfOfLonger);
    tally(c.direct, dOnly, goldDirect.length, unmatched(dOnly, predQ), (p) => onScare(p) || onMixed(p));

    // Speakers.
    goldQ.forEach((g, i) => {
      const p = main[i] >= 0 ? predQ[main[i]] : undefined;
      if (g.speaker) {
        sp.goldWithSpeaker++;
        if (!p) return;
        sp.withSpeaker++;
        const ent = p.speaker ? byId.get(p.speaker) : undefined;
        if (speakerMatches(ent, g.speaker, g.speakerAlt, g.speakerType)) sp.correct++;
        else if (verbose)
          details.push({ where, what: `speaker ✗ gold=${g.speaker} predicted=${nameOf(p.speaker) ?? 'null'} ${context(fx.text, g)}` });
      } else {
        sp.goldWithoutSpeaker++;
        if (p && p.speaker) {
          sp.spuriousSpeaker++;
          if (verbose) details.push({ where, what: `speaker ✗ gold=null predicted=${nameOf(p.speaker)} ${context(fx.text, g)}` });
        }
      }
    });

    // Indirect speech (informational): gold indirect spans covered ≥ 50% by a predicted indirect quote.
    const goldInd = fx.quotes.filter((q) => q.kind === 'indirect');
    const predInd = a.quotes.filter((q) => q.kind === 'indirect');
    ind.gold += goldInd.length;
    ind.found += greedyMatch(goldInd, predInd, (g, p) => {
      const o = overlap(g, p);
      return o / (g.end - g.start) >= 0.5 ? o : null;
    }).filter((j) => j >= 0).length;

    if (verbose) {
      goldQ.forEach((g, i) => main[i] < 0 && details.push({ where, what: `quote FN (${g.kind}) ${context(fx.text, g)}` }));
      for (const p of extra)
        details.push({ where, what: `quote FP (${p.kind}${onScare(p) ? ', on a scare quote' : ''}) ${context(fx.text, p)}` });
    }

    // Interactions: unordered participant pairs.
    if (fx.gold.interactions) {
      anyInteractions = true;
      const gp = fx.gold.interactions.flatMap((it) => pairsOf(it.kind, it.participants));
      const pp = a.interactions.flatMap((it) => pairsOf(it.kind, it.participants.map((id) => nameOf(id) ?? id)));
      const same = (g: { a: string; b: string }, p: { a: string; b: string }) =>
        (namesMatch(g.a, p.a) && namesMatch(g.b, p.b)) || (namesMatch(g.a, p.b) && namesMatch(g.b, p.a));
      const m = greedyMatch(gp, pp, (g, p) => (same(g, p) ? (g.kind === p.kind ? 2 : 1) : null));
      const tp = m.filter((j) => j >= 0).length;
      c.int[0] += tp;
      c.int[1] += pp.length - tp;
      c.int[2] += gp.length - tp;
      intSameKind += m.filter((j, i) => j >= 0 && pp[j].kind === gp[i].kind).length;
      if (verbose) {
        gp.forEach((g, i) => m[i] < 0 && details.push({ where, what: `interaction FN ${g.kind} ${g.a} — ${g.b}` }));
        const used = new Set(m);
        pp.forEach((p, j) => !used.has(j) && details.push({ where, what: `interaction FP ${p.kind} ${p.a} — ${p.b}` }));
      }
    }

    // People (entity level).
    const predPeople = a.entities.filter((e) => e.type === 'person' && !e.group);
    const pm = greedyMatch(fx.gold.people, predPeople, (g, p) => (namesMatch(g, p.name) ? 1 : null));
    const tpP = pm.filter((j) => j >= 0).length;
    c.people[0] += tpP;
    c.people[1] += predPeople.length - tpP;
    c.people[2] += fx.gold.people.length - tpP;
    if (verbose) {
      fx.gold.people.forEach((g, i) => pm[i] < 0 && details.push({ where, what: `person FN ${g}` }));
      const used = new Set(pm);
      predPeople.forEach((p, j) => !used.has(j) && details.push({ where, what: `person FP ${p.name}` }));
    }
  }

  const P = (x: number[]) => prf(x[0], x[1], x[2]);
  return {
    corpus,
    fixtures: fixtures.length,
    ms,
    errors,
    badSpans,
    gold,
    predicted,
    quotes: P(c.main),
    quotesScareAsNonQuotes: P(c.scareFp),
    quotesExact: P(c.exact),
    directOnly: P(c.direct),
    kindAgreement: kinds,
    speaker: {
      ...sp,
      accuracy: sp.withSpeaker ? sp.correct / sp.withSpeaker : 0,
      endToEnd: sp.goldWithSpeaker ? sp.correct / sp.goldWithSpeaker : 0,
    },
    indirect: { ...ind, recall: ind.gold ? ind.found / ind.gold : 0 },
    interactions: anyInteractions ? { pairs: P(c.int), sameKind: intSameKind } : null,
    people: P(c.people),
    details,
  };
}
