// Text helpers shared by the formatters. Lookups over the annotations are in ../query.ts, offsets in other
// units (code points for brat and W3C) in ../positions.ts.

/** The text with CRLF and lone CR turned into LF. */
export function lfText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** base64url (RFC 4648 §5, no padding) of a hex string, for RFC 6920 ni: URIs. */
export function hexToBase64Url(hex: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = (hex.match(/../g) ?? []).map((h) => parseInt(h, 16));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += alphabet[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}
