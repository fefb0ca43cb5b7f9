// Markdown for hovers. Article text is untrusted: every ASCII punctuation character is backslash-escaped
// (CommonMark allows escaping any of them), so no link, image, HTML tag, autolink, emphasis or code span
// written in the article becomes active; line breaks are folded so the text cannot start a block.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(PUNCTUATION, (c) => '\\' + c);
}

/** Escapes and shortens article text to `max` characters (on a word boundary when possible). */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return escapeMarkdown(flat);
  const cut = flat.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return escapeMarkdown((at > max * 0.6 ? cut.slice(0, at) : cut) + ' …');
}
