// The article's date: an explicit option, else YAML front matter (`date:`), else a dateline near the top
// ("Friday, July 21, 2017", "21 July 2017", "2023-10-16"). Unknown otherwise: then no date-based claims.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

export interface ArticleDate {
  date: string;
  source: 'option' | 'front-matter' | 'dateline';
}

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function iso(y: number, monthName: string, d: number): string | undefined {
  const mi = MONTHS.findIndex((m) => m.startsWith(monthName.toLowerCase().replace('.', '').slice(0, 3)));
  if (mi < 0) return undefined;
  const s = `${y}-${String(mi + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidIsoDate(s) ? s : undefined;
}

export function findArticleDate(text: string, override?: string): ArticleDate | undefined {
  if (override && isValidIsoDate(override)) return { date: override, source: 'option' };
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fm) {
    const d = /^(?:date|published|pubdate)\s*:\s*["']?(\d{4}-\d{2}-\d{2})/im.exec(fm[1]);
    if (d && isValidIsoDate(d[1])) return { date: d[1], source: 'front-matter' };
  }
  const head = text.slice(0, 600);
  const isoM = /\b(\d{4}-\d{2}-\d{2})\b/.exec(head);
  const mdy = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`).exec(head);
  const dmy = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}\\s+(\\d{4})\\b`).exec(head);
  const candidates: { at: number; date?: string }[] = [];
  if (isoM && isValidIsoDate(isoM[1])) candidates.push({ at: isoM.index, date: isoM[1] });
  if (mdy) candidates.push({ at: mdy.index, date: iso(+mdy[3], mdy[1], +mdy[2]) });
  if (dmy) candidates.push({ at: dmy.index, date: iso(+dmy[3], dmy[2], +dmy[1]) });
  const first = candidates.filter((c) => c.date).sort((a, b) => a.at - b.at)[0];
  return first?.date ? { date: first.date, source: 'dateline' } : undefined;
}
