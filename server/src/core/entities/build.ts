// Document-level entity building: clusters the paragraphs' name candidates into people (people.ts), resolves
// title-only and descriptive mentions ("the PM", "the Russian leader") to the person they stand for
// (titles.ts), and groups country and organisation mentions. Pronouns are resolved later, and only where a
// speaker needs them (attribution/pronouns.ts).
import type { KnowledgeBase } from '../knowledgeBase';
import { lexicon } from '../lexicon';
import { slugify } from '../text';
import type { Entity, Mention } from '../types';
import { clusterPeople, spellingVariants, type PersonCluster, type SpellingVariant } from './people';
import { rangeOver, type EntityTable, type NameVariant, type PlacedCandidate, type ResolvedMention } from './table';
import { personRoles, resolveTitleMentions } from './titles';

/**
 * The output mention of a placed candidate, reused from the previous analysis while the candidate has not
 * moved: results are never mutated, and most of a long document is untouched by an edit.
 */
function outputMention(c: PlacedCandidate, form: Mention['form'], text: string, make: () => Mention): Mention {
  const prev = c.output;
  if (prev && prev.start === c.start && prev.form === form && prev.end === c.end) return prev;
  const m = make();
  c.output = m;
  void text;
  return m;
}

/** The resolved mention of a candidate, reused when nothing about it changed since the last analysis. */
function resolvedMention(c: PlacedCandidate, entityId: string, type: Entity['type'], form: Mention['form']): ResolvedMention {
  c.resolvedIn = run;
  const r = c.resolved;
  const start = c.start;
  const para = c.para;
  if (r && r.start === start && r.entityId === entityId && r.form === form && r.para === para && r.type === type) return r;
  return (c.resolved = { start, end: c.end, entityId, type, form, sentenceKey: c.sentenceKey, para });
}

/** Numbers each entity build, so that a candidate's mention is known to be from this one (see resolvedIn). */
let run = 0;

export function buildEntities(text: string, cands: PlacedCandidate[], kb: KnowledgeBase, date: string | undefined): EntityTable {
  run++;
  const persons = cands.filter((c) => c.kind === 'person' || c.kind === 'maybe-person' || c.kind === 'title-only' || c.kind === 'description');
  // Pass 1: full names; pass 2: single names and surnames (people.ts).
  const misspelt: SpellingVariant[] = [];
  const clusters = clusterPeople(text, cands, persons, kb, misspelt);
  // Then titles and descriptions, in document order so that "the PM" resolves to the most recently
  // mentioned Prime Minister (titles.ts); then spelling variants.
  resolveTitleMentions(clusters, persons, kb, date);
  const variants = [...misspelt, ...spellingVariants(text, clusters)];

  // Build person entities.
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  let mentions: ResolvedMention[] = [];
  const titles: EntityTable['titles'] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  const clusterEntity = new Map<PersonCluster, Entity>();
  for (const cl of clusters) {
    if (!cl.mentions.length) continue;
    const longest = [...cl.names].sort((a, b) => b.tokens.length - a.tokens.length || a.start - b.start)[0];
    const name = cl.kb?.name ?? longest?.text ?? text.slice(cl.mentions[0].c.start, cl.mentions[0].c.end);
    const id = uniqueId(`person:${slugify(name)}`);
    const textCountry = cl.titles.find((t) => t.country)?.country;
    const roles = cl.roles ?? personRoles(cl, kb, date);
    const country = textCountry ?? roles.find((r) => r.country)?.country;
    const leader = !!cl.kb || cl.titles.some((t) => t.leader && t.office !== '');
    const e: Entity = {
      id,
      type: 'person',
      name,
      ...(country ? { country } : {}),
      leader,
      roles,
      ...(cl.kb ? { kbId: cl.kb.id } : {}),
      mentions: [],
    };
    for (const { c, form } of cl.mentions.sort((a, b) => a.c.start - b.c.start)) {
      const m = outputMention(c, form, text, () => {
        const m: Mention = { start: c.start, end: c.end, text: text.slice(c.start, c.end), form };
        if (c.title && form === 'name') {
          m.title = { start: c.title.start, end: c.title.end, text: text.slice(c.title.start, c.title.end) };
          if (c.title.office) m.office = c.title.office;
          if (c.title.country) m.officeCountry = c.title.country;
        } else if (c.title && form !== 'name') {
          m.office = c.title.office;
          if (c.title.country) m.officeCountry = c.title.country;
        }
        return m;
      });
      if (c.title && form === 'name') titles.push({ entityId: id, mentionStart: c.start, title: c.title });
      e.mentions.push(m);
      mentions.push(resolvedMention(c, id, 'person', form));
    }
    clusterEntity.set(cl, e);
    entities.push(e);
    byId.set(id, e);
  }

  // The owners of offices ("Netanyahu's Office"): few, so only their starts are indexed.
  const ownerStarts = new Set<number>();
  for (const c of cands) if (c.kind === 'org' && c.ownerStart !== undefined) ownerStarts.add(c.ownerStart);
  const personMentionAt = new Map<number, ResolvedMention>();
  if (ownerStarts.size) for (const m of mentions) if (ownerStarts.has(m.start)) personMentionAt.set(m.start, m);
  // Organisations: metonyms ("the Kremlin"), offices of people ("Netanyahu's Office"), known organisations.
  const orgs = new Map<string, Entity>();
  const aliases = acronymAliases(text, cands);
  for (const c of cands) {
    if (c.kind !== 'org') continue;
    let key: string;
    let name: string;
    let speaksFor: string | undefined;
    let country = c.iso3;
    if (c.orgId) {
      key = c.orgId;
      name = c.orgName ?? text.slice(c.start, c.end);
    } else if (c.ownerStart !== undefined) {
      const owner = personMentionAt.get(c.ownerStart);
      if (!owner) continue;
      const ownerEntity = byId.get(owner.entityId)!;
      speaksFor = owner.entityId;
      country = ownerEntity.country;
      const head = text.slice(c.start, c.end).split(/\s+/).pop()!;
      name = `${ownerEntity.name.split(/\s+/).pop()}'s ${head}`;
      key = `${slugify(ownerEntity.name)}-${slugify(head)}`;
    } else {
      if (!c.orgName) continue;
      name = c.orgName;
      key = c.orgKey ??= slugify(name);
    }
    const long = aliases.keys.get(key);
    if (long) key = long;
    // One organisation under British and American spellings ("World Health Organisation" and the WHO's data name).
    key = key.replace(/isation/g, 'ization');
    let e = orgs.get(key);
    // The article's own spelling of the full name names the entity, over the data's ("WHO" → "World Health
    // Organisation" when the article writes it so).
    if (e && !c.orgId && c.form === 'name' && e.name !== name && e.mentions.every((m) => m.form === 'acronym') && !/^[A-Z.]{2,6}$/.test(name)) e.name = name;
    if (!e) {
      e = { id: uniqueId(`org:${key}`), type: 'organization', name, ...(country ? { country } : {}), ...(speaksFor ? { speaksFor } : {}), mentions: [] };
      orgs.set(key, e);
      entities.push(e);
      byId.set(e.id, e);
    }
    const form: Mention['form'] = (c.orgForm ??= c.form === 'metonym' ? 'metonym' : /^[A-Z.]{2,6}$/.test(text.slice(c.start, c.end)) ? 'acronym' : 'name');
    e.mentions.push(outputMention(c, form, text, () => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), form })));
    mentions.push(resolvedMention(c, e.id, 'organization', form));
  }

  // Countries.
  const lex = lexicon();
  const countries = new Map<string, Entity>();
  for (const c of cands) {
    if (c.kind !== 'country' || !c.iso3) continue;
    let e = countries.get(c.iso3);
    if (!e) {
      const info = lex.countries.get(c.iso3);
      e = { id: uniqueId(`country:${c.iso3}`), type: 'country', name: info?.name ?? c.iso3, iso3: c.iso3, mentions: [] };
      countries.set(c.iso3, e);
      entities.push(e);
      byId.set(e.id, e);
    }
    e.mentions.push(outputMention(c, c.form, text, () => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), form: c.form })));
    mentions.push(resolvedMention(c, e.id, 'country', c.form));
  }

  const acronyms = new Map<string, string>();
  for (const [acronym, key] of aliases.unknown) {
    const e = orgs.get(key);
    if (e) acronyms.set(acronym, e.id);
  }
  // Every candidate became at most one mention, and candidates come in document order: collecting the
  // mentions in candidate order spares sorting them on every edit (they are sorted if that ever fails).
  const ordered: ResolvedMention[] = [];
  for (const c of cands) if (c.resolvedIn === run && c.resolved) ordered.push(c.resolved);
  let inOrder = ordered.length === mentions.length;
  for (let k = 1; inOrder && k < ordered.length; k++) inOrder = ordered[k - 1].start < ordered[k].start || (ordered[k - 1].start === ordered[k].start && ordered[k - 1].end >= ordered[k].end);
  if (inOrder) mentions = ordered;
  else mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const variantList: NameVariant[] = variants.map((v) => ({
    entityId: clusterEntity.get(v.cluster)!.id,
    variant: { start: v.c.start, end: v.c.end, text: text.slice(v.c.start, v.c.end) },
    preferred: { start: v.other.start, end: v.other.end, text: v.other.text },
  }));
  return { entities, byId, mentions, variants: variantList, titles, acronyms, range: rangeOver(mentions) };
}

/**
 * "the World Health Organisation (WHO)": the acronym in brackets right after an organisation's name is that
 * organisation, there and wherever the article uses it alone. `keys`: the acronym's own organisation key →
 * the name's key (when the acronym is an organisation candidate itself); `unknown`: acronyms the paragraph
 * pass did not take for organisations → the name's key (attribution looks them up in speaker phrases).
 */
function acronymAliases(text: string, cands: PlacedCandidate[]): { keys: Map<string, string>; unknown: Map<string, string> } {
  const keys = new Map<string, string>();
  const unknown = new Map<string, string>();
  let prev: PlacedCandidate | undefined;
  const named = (c: PlacedCandidate | undefined): c is PlacedCandidate & { orgName: string } => !!c?.orgName && !c.orgId && c.ownerStart === undefined;
  for (const c of cands) {
    if (c.kind !== 'org') continue;
    if (named(prev) && named(c) && c.start === prev.end + 2 && text.slice(prev.end, c.start) === ' (' && text[c.end] === ')' && ACRONYM_RE.test(c.orgName)) {
      const short = (c.orgKey ??= slugify(c.orgName));
      const long = (prev.orgKey ??= slugify(prev.orgName));
      if (short !== long && !keys.has(short)) keys.set(short, long);
    } else if (named(c) && text.charCodeAt(c.end + 1) === 40 /* ( */) {
      const m = BRACKETED_ACRONYM_RE.exec(text.slice(c.end, c.end + 15));
      if (m && !unknown.has(m[1])) unknown.set(m[1], (c.orgKey ??= slugify(c.orgName)));
    }
    prev = c;
  }
  return { keys, unknown };
}
const BRACKETED_ACRONYM_RE = /^ \(((?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.&]{1,9})\)/;
const ACRONYM_RE = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.&]{1,9}$/;
