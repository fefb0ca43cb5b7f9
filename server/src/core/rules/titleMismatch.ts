import type { OfficeTerm } from '../types';
import { spanOf, type Rule, type RuleContext } from './rule';

// Offices precise enough to contradict each other; "leader", honorifics and "minister" alone are not.
const SPECIFIC_OFFICES = new Set([
  'President', 'Vice President', 'Prime Minister', 'Deputy Prime Minister', 'Chancellor', 'King', 'Queen', 'Emperor',
  'Emir', 'Sultan', 'Crown Prince', 'Supreme Leader', 'Foreign Minister', 'Defence Minister', 'Finance Minister',
  'Interior Minister', 'Foreign Secretary', 'Home Secretary', 'Secretary of State',
]);
const PAST_MODIFIERS = new Set(['former', 'then', 'late', 'ex']);

function describeTerm(t: OfficeTerm, countryName: (iso: string) => string): string {
  return `${t.title} of ${countryName(t.country)} (${t.start}–${t.end ?? 'present'})`;
}

/**
 * One person given conflicting titles in the article ("Israeli President Benjamin Netanyahu" against
 * "Israeli PM Netanyahu"), or a title that the knowledge base contradicts: never held, or (when the
 * article's date is known) not held on that date.
 */
export const titleMismatch: Rule = {
  code: 'title-mismatch',
  defaultSeverity: 'warning',
  description: 'A person is given a title that conflicts with another title for them in the article or with the leaders knowledge base at the article\'s date.',
  check(ctx: RuleContext) {
    const { text, table, kb, date } = ctx;
    const out: ReturnType<Rule['check']> = [];
    const countryNames = new Map<string, string>();
    const countryName = (iso: string) => {
      let name = countryNames.get(iso);
      if (name === undefined) countryNames.set(iso, (name = table.entities.find((e) => e.iso3 === iso)?.name ?? iso));
      return name;
    };
    const byEntity = new Map<string, typeof table.titles>();
    for (const t of table.titles) {
      if (!SPECIFIC_OFFICES.has(t.title.office)) continue;
      (byEntity.get(t.entityId) ?? byEntity.set(t.entityId, []).get(t.entityId)!).push(t);
    }
    for (const [entityId, titles] of byEntity) {
      const entity = table.byId.get(entityId)!;
      const record = entity.kbId ? kb.records.find((r) => r.id === entity.kbId) : undefined;
      const matchesKb = (office: string, country: string | undefined, onDate: string | undefined) =>
        !!record && kb.officesOn(record, onDate).some((o) => o.title === office && (!country || o.country === country));
      // The first title of each office and country: a long article repeats the same few titles, and the
      // first conflicting title is the first of some other office (so this stays linear in the titles).
      const firstOf = new Map<string, typeof titles[number]>();
      for (const o of titles) if (!firstOf.has(`${o.title.office}|${o.title.country ?? ''}`)) firstOf.set(`${o.title.office}|${o.title.country ?? ''}`, o);
      const order = new Map(titles.map((o, k) => [o, k]));
      const mentionLength = new Map<number, number>();
      for (const m of entity.mentions) if (!mentionLength.has(m.start)) mentionLength.set(m.start, m.text.length);
      for (const t of titles) {
        const titleText = text.slice(t.title.start, t.title.end);
        const past = !!t.title.modifier && PAST_MODIFIERS.has(t.title.modifier);
        let conflicting: typeof titles[number] | undefined;
        for (const o of firstOf.values()) {
          if (o.title.office === t.title.office || (o.title.country && t.title.country && o.title.country !== t.title.country)) continue;
          if (!conflicting || order.get(o)! < order.get(conflicting)!) conflicting = o;
        }
        let reason: string | undefined;
        if (record && !past) {
          const everHeld = matchesKb(t.title.office, t.title.country, undefined);
          const current = kb.officesOn(record, date);
          if (!everHeld) {
            const held = kb.officesOn(record, undefined).map((o) => describeTerm(o, countryName)).join('; ');
            reason = `the leaders knowledge base has no record of ${record.name} as ${t.title.office}${t.title.country ? ` of ${countryName(t.title.country)}` : ''}: ${held || 'no offices recorded'}`;
          } else if (date && !matchesKb(t.title.office, t.title.country, date)) {
            reason = `on ${date} ${record.name} was ${current.length ? current.map((o) => describeTerm(o, countryName)).join('; ') : `not ${t.title.office}`}`;
          }
        } else if (!record && conflicting && conflicting.mentionStart < t.mentionStart) {
          // Without the knowledge base, the first title stands and later contradictions are flagged.
          reason = `the article earlier calls ${entity.name} "${text.slice(conflicting.title.start, conflicting.title.end)}"`;
        }
        if (!reason) continue;
        const message = conflicting
          ? `"${titleText}" conflicts with "${text.slice(conflicting.title.start, conflicting.title.end)}" for ${entity.name} in this article; ${reason}.`
          : `"${titleText}" for ${entity.name}: ${reason}.`;
        const expected = record ? kb.officesOn(record, date).find((o) => !t.title.country || o.country === t.title.country) ?? kb.officesOn(record, date)[0] : undefined;
        out.push({
          ...spanOf(text, t.title.start, t.mentionStart + (mentionLength.get(t.mentionStart) ?? 0)),
          code: 'title-mismatch',
          message,
          related: conflicting ? [{ span: spanOf(text, conflicting.title.start, conflicting.title.end), message: `${entity.name} is called "${text.slice(conflicting.title.start, conflicting.title.end)}" here` }] : undefined,
          data: {
            entity: entityId,
            office: t.title.office,
            titleStart: String(t.title.start),
            titleEnd: String(t.title.end),
            ...(expected ? { expectedOffice: expected.title } : conflicting ? { expectedOffice: conflicting.title.office } : {}),
          },
        });
      }
    }
    return out;
  },
};
