// Output file names, shared by the formatters, the CLI and the extension (no dependencies, so the
// extension bundle can import it).

/** The file name of a path (either separator), without directories. */
export function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** The longest prefix of `s` of at most `maxBytes` UTF-8 bytes, never splitting a character. */
function truncateUtf8(s: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    out += c;
  }
  return out;
}

/**
 * A file name that is safe in any folder on any OS: no directory separators, no "..", no control or
 * Windows-reserved characters, no leading dot, at most `maxBytes` UTF-8 bytes (file systems allow 255;
 * the temporary files of atomic writes add about 30); "article" when nothing is left.
 */
export function safeFileName(name: string, maxBytes = 200): string {
  let s = truncateUtf8(name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_'), maxBytes)
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!s || /^_*$/.test(s)) s = 'article';
  if (WINDOWS_RESERVED.test(s)) s = '_' + s;
  return s;
}

/** Stems are kept short enough for any suffix to fit. */
export const MAX_STEM_BYTES = 120;

/** The default stem of an article's outputs: its file name without the last extension, made safe. */
export function stemOf(p: string): string {
  const base = baseName(p);
  const dot = base.lastIndexOf('.');
  return safeFileName(dot > 0 ? base.slice(0, dot) : base, MAX_STEM_BYTES);
}
