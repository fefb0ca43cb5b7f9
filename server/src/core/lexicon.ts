// The vocabulary the engine recognises: compromise's lexicon (first names, surnames, honorifics, places,
// organisations, common words), extended the way compromise's own plugins are built — our tags and words
// (titles, metonyms, leaders' names) registered through `nlp.plugin` — plus phrase tries for multi-word
// country names, titles and metonyms. Country facts come from the world-countries package.
import nlp from 'compromise';
import worldCountries from 'world-countries';
import titlesData from '../../data/titles.json';
import countriesExtra from '../../data/countries-extra.json';
import organizationsData from '../../data/organizations.json';
import { defaultKnowledgeBase } from './knowledgeBase';
import { tokenize } from './text';

export interface TitleInfo {
  office: string;
  kind: string;
  leader: boolean;
}

export interface CountryInfo {
  iso3: string;
  name: string;
  flag: string;
  capital?: string;
  demonym?: string;
}

export type PhraseValue =
  | { type: 'country'; iso3: string; form: 'name' | 'acronym' }
  | { type: 'demonym'; iso3: string }
  | { type: 'capital'; iso3: string }
  | { type: 'metonym'; id: string; name: string; iso3: string }
  | { type: 'title'; info: TitleInfo }
  | { type: 'org'; name: string; kind: string; iso3?: string };

interface TrieNode {
  next: Map<string, TrieNode>;
  values?: PhraseValue[];
  /** The form must match the text's case exactly (acronyms such as "US"). */
  exactCase?: string;
}

export interface PhraseMatch {
  /** Token index range [from, to). */
  from: number;
  to: number;
  value: PhraseValue;
}

export interface Lexicon {
  countries: Map<string, CountryInfo>;
  /** Longest phrase matches starting at token index i, longest first. */
  matchAt(tokens: { text: string; lower: string }[], i: number): PhraseMatch[];
  /** compromise lexicon tags of a lower-case word (our plugin's words included). */
  tagsOf(lower: string): string[];
  isFirstName(lower: string): boolean;
  isAmbiguousCountry(text: string): boolean;
  titleForms: Set<string>;
  descriptionHeads: Set<string>;
  organizationHeads: Set<string>;
  statementNouns: Set<string>;
}

let shared: Lexicon | undefined;

export function lexicon(): Lexicon {
  return (shared ??= buildLexicon());
}

function isLatin(s: string): boolean {
  return /^[\p{Script=Latin}\p{M}\p{N}\s.'’,()-]+$/u.test(s);
}

function buildLexicon(): Lexicon {
  const root: TrieNode = { next: new Map() };
  const add = (form: string, value: PhraseValue, exactCase = false) => {
    const toks = tokenize(form);
    if (!toks.length) return;
    let node = root;
    for (const t of toks) {
      let child = node.next.get(t.lower);
      if (!child) node.next.set(t.lower, (child = { next: new Map() }));
      node = child;
    }
    node.values ??= [];
    if (!node.values.some((v) => JSON.stringify(v) === JSON.stringify(value))) node.values.push(value);
    if (exactCase) node.exactCase = form;
  };

  const countries = new Map<string, CountryInfo>();
  const excludedCapitals = new Set(countriesExtra.capitalsExcluded);
  const ambiguous = new Set(countriesExtra.ambiguousNames);
  const seenName = new Set<string>();
  const seenDemonym = new Set<string>();
  // Independent, UN-member states first so that shared demonyms ("American") go to them.
  const ordered = [...worldCountries].sort(
    (a, b) => Number(b.independent ?? false) - Number(a.independent ?? false) || Number(b.unMember) - Number(a.unMember),
  );
  const extraAliases = countriesExtra.aliases as Record<string, string[]>;
  const extraDemonyms = countriesExtra.demonyms as Record<string, string[]>;
  for (const c of ordered) {
    const iso3 = c.cca3;
    const demonym = c.demonyms?.eng?.m;
    countries.set(iso3, { iso3, name: c.name.common, flag: c.flag, capital: c.capital?.[0], demonym });
    const names = new Set<string>([c.name.common, c.name.official, ...(extraAliases[iso3] ?? [])]);
    for (const alt of c.altSpellings) {
      if (alt.length <= 3 && alt !== alt.toUpperCase()) continue;
      if (alt.length === 2) continue; // ISO alpha-2 codes are too ambiguous ("IN", "IT", "AM")
      if (alt.includes(',') || !isLatin(alt)) continue;
      names.add(alt);
    }
    for (const n of names) {
      const key = n.toLowerCase();
      if (seenName.has(key)) continue;
      seenName.add(key);
      const acronym = /^[A-Z.]{2,5}$/.test(n);
      add(n, { type: 'country', iso3, form: acronym ? 'acronym' : 'name' }, acronym);
    }
    for (const d of new Set([demonym, c.demonyms?.eng?.f, ...(extraDemonyms[iso3] ?? [])])) {
      // Acronyms ("U.S. officials") are country mentions even when used as adjectives.
      if (!d || seenDemonym.has(d.toLowerCase()) || /^[A-Z.]{2,5}$/.test(d)) continue;
      seenDemonym.add(d.toLowerCase());
      add(d, { type: 'demonym', iso3 }, /^[A-Z.]{2,5}$/.test(d));
    }
    if (c.independent || iso3 === 'PSE') {
      for (const cap of c.capital ?? []) {
        if (excludedCapitals.has(cap) || seenName.has(cap.toLowerCase()) || !isLatin(cap)) continue;
        add(cap, { type: 'capital', iso3 });
      }
    }
  }
  for (const m of countriesExtra.metonyms) {
    for (const f of m.forms) add(f, { type: 'metonym', id: m.id, name: m.name, iso3: m.country });
  }
  for (const o of organizationsData.organizations) {
    const org = o as { name: string; fullName?: string; kind: string; country?: string };
    add(org.name, { type: 'org', name: org.fullName ?? org.name, kind: org.kind, iso3: org.country }, /^[A-Z.]{1,6}$/.test(org.name));
  }
  const titleForms = new Set<string>();
  for (const t of titlesData.titles) {
    const info: TitleInfo = { office: t.office, kind: t.kind, leader: t.leader };
    for (const f of t.forms) {
      add(f, { type: 'title', info });
      titleForms.add(f);
    }
  }

  registerCompromisePlugin(titleForms);
  const lex = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const tagsOf = (lower: string): string[] => {
    const v = lex[lower];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const firstNameTags = new Set(['FirstName', 'MaleName', 'FemaleName']);

  return {
    countries,
    titleForms,
    descriptionHeads: new Set(titlesData.descriptionHeads),
    organizationHeads: new Set(titlesData.organizationHeads),
    statementNouns: new Set(titlesData.statementNouns),
    tagsOf,
    isFirstName: (lower) => tagsOf(lower).some((t) => firstNameTags.has(t)),
    isAmbiguousCountry: (text) => ambiguous.has(text) || ambiguous.has(text[0].toUpperCase() + text.slice(1)),
    matchAt(tokens, i) {
      const out: PhraseMatch[] = [];
      let node: TrieNode | undefined = root;
      for (let j = i; j < tokens.length; j++) {
        node = node.next.get(tokens[j].lower);
        if (!node) break;
        if (node.values) {
          if (node.exactCase) {
            const surface = tokens
              .slice(i, j + 1)
              .map((t) => t.text)
              .join(' ');
            if (surface.replace(/\s/g, '') !== node.exactCase.replace(/\s/g, '')) continue;
          }
          for (const value of node.values) out.push({ from: i, to: j + 1, value });
        }
      }
      return out.reverse();
    },
  };
}

let pluginRegistered = false;

/** Teaches compromise our vocabulary with its own plugin mechanism: new tags and words. */
function registerCompromisePlugin(titleForms: Set<string>): void {
  if (pluginRegistered) return;
  pluginRegistered = true;
  const words: Record<string, string> = {};
  for (const f of titleForms) if (!f.includes('.')) words[f] = 'Title';
  for (const m of countriesExtra.metonyms) for (const f of m.forms) words[f.toLowerCase()] = 'Metonym';
  for (const r of defaultKnowledgeBase().records) {
    words[r.name.toLowerCase()] = 'Leader';
    for (const a of r.aliases ?? []) words[a.toLowerCase()] = 'Leader';
  }
  nlp.plugin({
    tags: {
      Title: { isA: 'Noun', notA: ['Verb', 'Adjective'] },
      Metonym: { isA: 'Organization' },
      Leader: { isA: 'Person' },
    },
    words,
  });
}
