import { after } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeArticle } from '../../server/src/core';
import type { Analysis, AnalyzeOptions, Entity } from '../../server/src/core/types';

export function analyze(text: string, options?: AnalyzeOptions) {
  const a = analyzeArticle(text, options);
  const persons = a.entities.filter((e) => e.type === 'person');
  const countries = a.entities.filter((e) => e.type === 'country');
  const orgs = a.entities.filter((e) => e.type === 'organization');
  const byName = (name: string): Entity | undefined => a.entities.find((e) => e.name === name);
  const nameOf = (id: string | null) => (id ? a.entities.find((e) => e.id === id)?.name : undefined);
  return { a, persons, countries, orgs, byName, nameOf };
}

/** Every span's text equals the slice it claims. */
export function spansConsistent(text: string, a: Analysis): string[] {
  const bad: string[] = [];
  const check = (s: { start: number; end: number; text: string } | null | undefined, what: string) => {
    if (s && text.slice(s.start, s.end) !== s.text) bad.push(`${what} ${JSON.stringify(s)}`);
  };
  for (const e of a.entities) for (const m of e.mentions) { check(m, `mention of ${e.id}`); check(m.title, 'title'); }
  for (const q of a.quotes) { check(q, 'quote'); check(q.cue, 'cue'); check(q.speakerMention, 'speakerMention'); }
  for (const i of a.interactions) check(i.evidence, 'evidence');
  for (const d of a.diagnostics) check(d, 'diagnostic');
  return bad;
}

/**
 * A temporary folder for a test file, removed when its tests are done, and `fresh()` for a new empty
 * sub-folder per case.
 */
export function tempCases(prefix: string): { tmp: string; fresh: () => string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  return {
    tmp,
    fresh: () => {
      const d = path.join(tmp, `case-${++n}`);
      mkdirSync(d, { recursive: true });
      return d;
    },
  };
}

/** The seed article from `../shared` (or NEWS_LENS_SHARED), else `fallback` when the shared folder is absent. */
export function seedOr(fallback: string): string {
  const shared = process.env.NEWS_LENS_SHARED ?? path.resolve(__dirname, '../../..', '../shared');
  const seedPath = path.join(shared, 'seed/putin-netanyahu-call.txt');
  return existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : fallback;
}
