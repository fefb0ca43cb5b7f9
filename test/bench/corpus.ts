// A corpus of news-like articles for the benchmarks (npm run bench:batch, npm run bench:workspace),
// built in a temporary folder from the repository's examples and quote fixtures and, read at run time
// (never copied into the repository), ../shared's seed article and GUM texts. Each article is a dateline
// and 8–16 paragraphs (news length: 3–8 KB) with leaders' names, weekdays and numbers varied per article;
// no paragraph appears twice in the corpus (checked while building), so no cache can flatter a measurement.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoParagraphs, ROOT } from '../unit/batch/fixtures';
import { seededRandom } from '../../server/src/core/names/perceptron';

const SHARED = path.resolve(ROOT, '../shared');

/** A small deterministic generator (mulberry32, the tagger's training shuffle), so every run builds the same corpus. */
const random = seededRandom;

function paragraphPool(): string[] {
  const pool = repoParagraphs();
  const texts: string[] = [];
  const seed = path.join(SHARED, 'seed/putin-netanyahu-call.txt');
  if (fs.existsSync(seed)) texts.push(fs.readFileSync(seed, 'utf8'));
  for (const f of ['gum-news-dev.jsonl', 'gum-other-genres.jsonl']) {
    const p = path.join(SHARED, 'data', f);
    if (fs.existsSync(p)) for (const line of fs.readFileSync(p, 'utf8').split('\n')) if (line.trim()) texts.push(JSON.parse(line).text);
  }
  for (const t of texts) for (const p of t.split(/\n\s*\n|\n/)) if (p.trim().length > 60) pool.push(p.trim());
  return [...new Set(pool)];
}

interface Leader {
  name: string;
  surname?: string;
}

function leaders(): { full: string; surname: string }[] {
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/data/leaders.json'), 'utf8')) as { leaders: Leader[] };
  return data.leaders.map((l) => ({ full: l.name, surname: l.surname ?? l.name.split(' ').pop()! }));
}

const CITIES = ['MOSCOW', 'PARIS', 'BERLIN', 'CAIRO', 'ANKARA', 'KYIV', 'BEIJING', 'NEW DELHI', 'BRASILIA', 'TOKYO', 'LONDON', 'WASHINGTON', 'ROME', 'RIYADH', 'TEHRAN', 'JERUSALEM', 'OTTAWA', 'CANBERRA', 'PRETORIA', 'SEOUL'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `articles` articles as files under `dir` (500 per folder), every paragraph distinct. */
export function buildCorpus(dir: string, articles: number): { files: string[]; bytes: number; paragraphs: number } {
  const pool = paragraphPool();
  const people = leaders();
  const rnd = random(2026);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const seen = new Set<string>();
  const files: string[] = [];
  let bytes = 0;
  let cursor = 0;
  for (let i = 0; i < articles; i++) {
    // Per article: which leader stands in for which, and how its numbers and days shift.
    const swap = new Map(people.map((p) => [p.full, pick(people)]));
    const shift = 1 + Math.floor(rnd() * 9);
    const day = Math.floor(rnd() * 7);
    const vary = (p: string) => {
      let s = p;
      for (const [from, to] of swap) if (s.includes(from)) s = s.split(from).join(to.full);
      s = s.replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, (d) => DAYS[(DAYS.indexOf(d) + day) % 7]);
      return s.replace(/\b\d{1,3}\b/g, (n) => String(Number(n) + shift));
    };
    const date = `${pick(MONTHS)} ${1 + Math.floor(rnd() * 28)}, ${2015 + Math.floor(rnd() * 9)}`;
    const paras = [`${pick(CITIES)}, ${date} —`];
    const count = 8 + Math.floor(rnd() * 9);
    for (let k = 0; k < count; k++) {
      // Walk the pool in order (so every paragraph is used about equally), starting from a random offset per article.
      const base = pool[(cursor++ + Math.floor(rnd() * 7)) % pool.length];
      let p = vary(base);
      for (let n = 2; seen.has(p); n++) p = `${vary(base)} (${pick(DAYS)} update ${n})`;
      seen.add(p);
      paras.push(p);
    }
    const text = paras.join('\n\n') + '\n';
    const f = path.join(dir, String(Math.floor(i / 500)).padStart(2, '0'), `article-${String(i).padStart(5, '0')}.txt`);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    files.push(f);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, paragraphs: seen.size };
}

