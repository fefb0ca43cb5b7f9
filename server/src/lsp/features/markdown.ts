// Markdown for hovers. Article text is untrusted: every ASCII punctuation character is backslash-escaped
// (CommonMark allows escaping any of them), so no link, image, HTML tag, autolink, emphasis or code span
// written in the article becomes active; line breaks are folded so the text cannot start a block.
import countries from 'world-countries';

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

interface CountryInfo {
  name: string;
  cca2: string;
  flag: string;
}

let byIso3: Map<string, CountryInfo> | undefined;

export function countryInfo(iso3: string | undefined): CountryInfo | undefined {
  if (!iso3) return undefined;
  if (!byIso3) {
    byIso3 = new Map();
    for (const c of countries) {
      const flag = /^[A-Z]{2}$/.test(c.cca2) ? String.fromCodePoint(...[...c.cca2].map((ch) => 0x1f1e6 + ch.charCodeAt(0) - 65)) : '';
      byIso3.set(c.cca3, { name: c.name.common, cca2: c.cca2, flag });
    }
  }
  return byIso3.get(iso3.toUpperCase());
}

export function countryName(iso3: string | undefined): string | undefined {
  return countryInfo(iso3)?.name ?? iso3;
}
