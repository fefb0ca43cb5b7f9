import { spanOf, type Rule } from './rule';

/** A direct quotation that nobody is said to have said: readers cannot check its source. */
export const unattributedQuote: Rule = {
  code: 'unattributed-quote',
  defaultSeverity: 'information',
  description: 'A direct quote with no speaker: no cue (said, told, according to…), colon introduction or preceding quote names who said it.',
  check: ({ text, quotes }) =>
    quotes
      .filter((q) => q.kind === 'direct' && q.speaker === null)
      .map((q) => ({
        ...spanOf(text, q.start, q.end),
        code: 'unattributed-quote',
        message: q.speakerMention
          ? `Quote attributed to "${q.speakerMention.text}", which names no person or organisation in this article.`
          : 'Quote has no speaker: no cue such as "said", "told" or "according to", and no colon introduction names who said it.',
      })),
};
