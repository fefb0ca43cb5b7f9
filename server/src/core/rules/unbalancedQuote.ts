import { spanOf, type Rule } from './rule';

/** A quotation mark with no partner: the quote's extent, and so its words, are uncertain. */
export const unbalancedQuote: Rule = {
  code: 'unbalanced-quote',
  defaultSeverity: 'warning',
  description: 'An opening quotation mark that is never closed (and not continued on the next paragraph), or a closing mark with no opening one.',
  check: ({ text, stray }) =>
    stray.map((s) => ({
      ...spanOf(text, s.offset, s.offset + 1),
      code: 'unbalanced-quote',
      message:
        s.reason === 'unclosed'
          ? `Opening ${s.mark} is never closed: the quote runs to the end of its paragraph and the next paragraph does not continue it.`
          : `Closing ${s.mark} has no opening mark before it in this paragraph.`,
    })),
};
