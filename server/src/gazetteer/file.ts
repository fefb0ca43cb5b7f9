// Loads a user's gazetteer file (newsLens.gazetteerFiles): extra leaders in the knowledge base's format
// (server/data/leaders.schema.json, documented in server/data/README.md), either an object with `leaders`
// or a bare array of records. Every problem is reported with the file, the 1-based line and column of the
// offending field, and the field's path ('leaders[3].offices[0].start'); the loader never throws. The file
// is only read and parsed as JSON: nothing in it is executed.

import * as fs from 'node:fs';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../data/leaders.schema.json';
import type { LeaderRecord } from '../core/types';
import { lineColumnMapper } from '../positions';

export interface GazetteerError {
  file: string;
  /** 1-based line of the offending field (or of the syntax error). */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** Path of the field: 'leaders[3].offices[0].start', '[0].name' for a bare array, '' for the whole file. */
  field: string;
  message: string;
}

export interface GazetteerResult {
  /** The records without errors, in file order (a record with any error is left out). */
  records: LeaderRecord[];
  errors: GazetteerError[];
}

/** Reads, parses and validates a gazetteer file. */
export function loadGazetteerFile(path: string): GazetteerResult {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err && err.code === 'ENOENT' ? 'file not found' : `cannot read the file (${err?.code ?? err?.message ?? String(e)})`;
    return { records: [], errors: [{ file: path, line: 1, column: 1, field: '', message: why }] };
  }
  return parseGazetteer(text, path);
}

/** Parses and validates gazetteer text; `file` only labels the errors. */
export function parseGazetteer(text: string, file = '<gazetteer>'): GazetteerResult {
  try {
    return parseUnsafe(text, file);
  } catch (e) {
    return { records: [], errors: [{ file, line: 1, column: 1, field: '', message: `internal error while reading the gazetteer: ${(e as Error)?.message ?? String(e)}` }] };
  }
}

// ---------------------------------------------------------------------------------------------------------

function parseUnsafe(rawText: string, file: string): GazetteerResult {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineColumn = lineColumnMapper(text);
  const at = (offset: number, field: string, message: string): GazetteerError => {
    const { line, column } = lineColumn(offset);
    return { file, line, column, field, message };
  };
  if (!text.trim()) return { records: [], errors: [] };

  // Syntax: JSON.parse decides; our scanner says where (and builds the position map used below).
  let doc: unknown;
  let parseError: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    parseError = e;
  }
  let locations: Map<string, Location> | undefined;
  try {
    locations = locate(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { records: [], errors: [at(e.offset, '', e.message)] };
    if (parseError === undefined) throw e;
  }
  if (parseError !== undefined) {
    // Our scanner accepted what JSON.parse rejected (should not happen): fall back on V8's position.
    const msg = (parseError as Error)?.message ?? String(parseError);
    const m = /position (\d+)/.exec(msg);
    return { records: [], errors: [at(m ? Number(m[1]) : 0, '', `invalid JSON: ${msg}`)] };
  }
  const loc = locations ?? new Map<string, Location>();
  const where = (pointer: string): number => {
    const l = loc.get(pointer);
    return l ? (l.key ?? l.value) : 0;
  };

  const errors: GazetteerError[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, offset: number, message: string) => {
    const field = fieldPath(pointer);
    const k = `${field}\u0000${message}`;
    if (seen.has(k)) return;
    seen.add(k);
    errors.push(at(offset, field, message + recordLabel(doc, pointer)));
  };

  // Shape: the JSON schema.
  const validate = validator();
  if (!validate(doc)) {
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'if') continue; // the root's if/then/else restates the branch's own errors
      const r = describe(e);
      const target = r.child !== undefined ? `${e.instancePath}/${escapePointer(r.child)}` : e.instancePath;
      const offset = e.keyword === 'required' ? (loc.get(e.instancePath)?.value ?? 0) : where(target);
      add(target, offset, r.message);
    }
  }

  // The records list, whatever the schema said about the rest.
  let list: unknown[] | undefined;
  let base = '';
  if (Array.isArray(doc)) list = doc;
  else if (doc && typeof doc === 'object' && Array.isArray((doc as { leaders?: unknown }).leaders)) {
    list = (doc as { leaders: unknown[] }).leaders;
    base = '/leaders';
  }
  if (!list) return { records: [], errors: errors.sort(byPosition) };

  // Meaning: real calendar dates, start not after end, unique ids.
  const firstById = new Map<string, number>();
  list.forEach((r, i) => {
    if (!r || typeof r !== 'object') return;
    const rec = r as Record<string, unknown>;
    if (typeof rec.id === 'string') {
      const first = firstById.get(rec.id);
      const p = `${base}/${i}/id`;
      if (first !== undefined) add(p, where(p), `duplicate id "${rec.id}" (already used by ${fieldPath(`${base}/${first}`)})`);
      else firstById.set(rec.id, i);
    }
    if (!Array.isArray(rec.offices)) return;
    rec.offices.forEach((t, j) => {
      if (!t || typeof t !== 'object') return;
      const term = t as Record<string, unknown>;
      const p = `${base}/${i}/offices/${j}`;
      let ok = true;
      for (const k of ['start', 'end'] as const) {
        const v = term[k];
        if (typeof v !== 'string' || !DATE_PATTERN.test(v)) continue;
        const bad = calendarProblem(v);
        if (bad) {
          ok = false;
          add(`${p}/${k}`, where(`${p}/${k}`), `${bad} in "${v}"`);
        }
      }
      if (ok && typeof term.start === 'string' && typeof term.end === 'string' && DATE_PATTERN.test(term.start) && DATE_PATTERN.test(term.end)) {
        if (lowOf(term.start) > highOf(term.end)) add(`${p}/end`, where(`${p}/end`), `the term ends (${term.end}) before it starts (${term.start})`);
      }
    });
  });

  // Records: those with no error inside them.
  const badIndexes = new Set<number>();
  const prefix = base ? 'leaders[' : '[';
  for (const e of errors) {
    if (!e.field.startsWith(prefix)) continue;
    const n = Number.parseInt(e.field.slice(prefix.length), 10);
    if (Number.isInteger(n)) badIndexes.add(n);
  }
  const records = list.filter((_, i) => !badIndexes.has(i)) as LeaderRecord[];
  return { records, errors: errors.sort(byPosition) };
}

function byPosition(a: GazetteerError, b: GazetteerError): number {
  return a.line - b.line || a.column - b.column;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    compiled = ajv.compile(schema as object);
  }
  return compiled;
}

/** A readable message for an ajv error, and the child field it is about (required, additionalProperties). */
function describe(e: ErrorObject): { message: string; child?: string } {
  const p = e.params as Record<string, unknown>;
  const last = e.instancePath.split('/').pop() ?? '';
  switch (e.keyword) {
    case 'required':
      return { child: String(p.missingProperty), message: `missing required field "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return { child: String(p.additionalProperty), message: `unknown field "${String(p.additionalProperty)}"` };
    case 'pattern':
      if (last === 'start' || last === 'end' || last === 'updated') return { message: 'must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY)' };
      if (last === 'country') return { message: 'must be an ISO 3166-1 alpha-3 country code in capitals, e.g. "GBR"' };
      if (last === 'id') return { message: 'must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "vladimir-putin"' };
      return { message: 'must not be blank' };
    case 'minLength':
      return { message: 'must not be empty' };
    case 'minItems':
      return { message: last === 'offices' ? 'needs at least one office term' : `must have at least ${String(p.limit)} item(s)` };
    case 'enum':
      return { message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'type': {
      const type = String(p.type);
      return { message: `must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}` };
    }
    default:
      return { message: e.message ?? `fails ${e.keyword}` };
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function calendarProblem(d: string): string | undefined {
  const [y, m, day] = d.split('-').map(Number);
  if (m === undefined) return undefined;
  if (m < 1 || m > 12) return 'no such month';
  if (day === undefined) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && !leap ? 28 : DAYS_IN_MONTH[m - 1];
  if (day < 1 || day > max) return 'no such day';
  return undefined;
}

function lowOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

function highOf(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/** ' (record "vladimir-putin")' for errors inside a record that has a usable id. */
function recordLabel(doc: unknown, pointer: string): string {
  const m = /^(?:\/leaders)?\/(\d+)(?:\/|$)/.exec(pointer);
  if (!m) return '';
  const list = Array.isArray(doc) ? doc : (doc as { leaders?: unknown })?.leaders;
  if (!Array.isArray(list)) return '';
  const rec = list[Number(m[1])] as { id?: unknown } | undefined;
  if (!rec || typeof rec !== 'object' || typeof rec.id !== 'string' || !rec.id || pointer.endsWith('/id')) return '';
  return ` (record "${rec.id}")`;
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** '/leaders/3/offices/0/start' → 'leaders[3].offices[0].start'; '/0/name' → '[0].name'. */
function fieldPath(pointer: string): string {
  if (!pointer) return '';
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = unescapePointer(raw);
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else out += (out ? '.' : '') + (/^[A-Za-z_$][\w$]*$/.test(seg) ? seg : JSON.stringify(seg));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// A JSON scanner that records where every value (and every object member's key) starts, by JSON pointer,
// and reports the offset of the first syntax error. It only reads; the values come from JSON.parse.

interface Location {
  /** Offset of the value's first character. */
  value: number;
  /** Offset of the member's key, for object members. */
  key?: number;
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function locate(text: string): Map<string, Location> {
  const out = new Map<string, Location>();
  let i = 0;
  const n = text.length;
  const fail = (message: string, offset = i): never => {
    throw new JsonSyntaxError(message, offset);
  };
  const describeChar = (k: number) => (k >= n ? 'end of file' : `"${text[k]}"`);
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    let s = '';
    while (true) {
      if (i >= n) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return s;
      }
      if (c < 0x20) fail(c === 0x0a || c === 0x0d ? 'unterminated string (line break inside a string)' : 'control character inside a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) fail('unterminated string', start);
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape');
          s += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (!(e in map)) fail(`invalid escape "\\${e}"`);
          s += map[e];
          i += 2;
        }
        continue;
      }
      s += text[i];
      i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`unexpected ${describeChar(i)}: expected a value`);
    i += m![0].length;
  };
  const value = (pointer: string, key?: number, depth = 0): void => {
    if (depth > 500) fail('nesting too deep');
    ws();
    if (i >= n) fail('unexpected end of file: expected a value');
    out.set(pointer, key === undefined ? { value: i } : { value: i, key });
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      while (true) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : `unexpected ${describeChar(i)}: expected a field name in double quotes`);
        const keyAt = i;
        const name = string();
        ws();
        if (text[i] !== ':') fail(`unexpected ${describeChar(i)}: expected ":" after the field name`);
        i++;
        value(`${pointer}/${escapePointer(name)}`, keyAt, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`unexpected ${describeChar(i)}: expected "," or "}" after a field`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        ws();
        if (text[i] === ']') fail('trailing comma before "]"');
        value(`${pointer}/${k}`, undefined, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`unexpected ${describeChar(i)}: expected "," or "]" after an item`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      number();
      return;
    }
    fail(`unexpected ${describeChar(i)}: expected a value`);
  };
  value('');
  ws();
  if (i < n) fail(`unexpected ${describeChar(i)} after the end of the JSON value`);
  return out;
}
