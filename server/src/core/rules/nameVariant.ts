import { spanOf, type Rule } from './rule';

/** One person spelled two ways in one article ("Mahmud Abbas" and "Mahmoud Abbas"). */
export const nameVariant: Rule = {
  code: 'name-variant',
  defaultSeverity: 'information',
  description: 'The same person is spelled differently in one article; house style wants one spelling.',
  check: ({ text, table }) =>
    table.variants.map((v) => ({
      ...spanOf(text, v.variant.start, v.variant.end),
      code: 'name-variant',
      message: `"${v.variant.text}" is spelled "${v.preferred.text}" elsewhere in this article (${table.byId.get(v.entityId)?.name}).`,
      related: [{ span: spanOf(text, v.preferred.start, v.preferred.end), message: `spelled "${v.preferred.text}" here` }],
      data: { replacement: v.preferred.text, entity: v.entityId },
    })),
};
