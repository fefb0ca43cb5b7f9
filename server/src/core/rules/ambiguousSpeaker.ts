import { spanOf, type Rule } from './rule';

/** "he said" after a sentence that names two men: the reader cannot tell who spoke. */
export const ambiguousSpeaker: Rule = {
  code: 'ambiguous-speaker',
  defaultSeverity: 'information',
  description: 'A quote attributed by a pronoun ("he said") when more than one person it could refer to was just mentioned.',
  check: ({ text, ambiguous, table }) =>
    ambiguous.map((a) => {
      const name = (id: string) => table.byId.get(id)?.name ?? id;
      return {
        ...spanOf(text, a.pronoun.start, a.pronoun.end),
        code: 'ambiguous-speaker',
        message: `"${a.pronoun.text}" could be ${[a.chosen, ...a.others].map(name).join(' or ')}; News Lens chose ${name(a.chosen)}. Name the speaker to be clear.`,
        data: { chosen: a.chosen },
      };
    }),
};
