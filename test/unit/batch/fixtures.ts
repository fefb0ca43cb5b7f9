// News-like text for the batch tests and the batch benchmark, from the repository's own examples and
// quote fixtures (and, for the benchmark, ../shared read at run time, never copied).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const BIN = path.join(ROOT, 'server/bin/news-lens.js');

/** The repository's article texts: examples/ and test/fixtures/quotes/{wire,intl}/*.txt. */
export function repoArticles(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'test/fixtures/quotes/wire'), path.join(ROOT, 'test/fixtures/quotes/intl')];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(txt|article|md)$/.test(f) || f === 'README.md') continue;
      out.push({ name: `${path.basename(dir)}-${f}`, text: readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  return out;
}

/** Paragraphs of the repository's articles (non-blank, front matter left out). */
export function repoParagraphs(): string[] {
  return repoArticles()
    .flatMap((a) => a.text.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
}
