// A diagnostic rule reads the finished analysis and reports problems. One rule per file, each with a
// stable code that the README documents under #diagnostic-<code>.
import type { AmbiguousSpeaker } from '../attribution/context';
import type { EntityTable } from '../entities/table';
import type { KnowledgeBase } from '../knowledgeBase';
import type { StrayMark } from '../quotes/scan';
import type { Diagnostic, Quote, Severity } from '../types';

export interface RuleContext {
  text: string;
  table: EntityTable;
  quotes: Quote[];
  stray: StrayMark[];
  ambiguous: AmbiguousSpeaker[];
  kb: KnowledgeBase;
  /** The article's date when known (YYYY-MM-DD). */
  date?: string;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for the README and hovers. */
  description: string;
  check(ctx: RuleContext): Omit<Diagnostic, 'severity'>[];
}

export function spanOf(text: string, start: number, end: number) {
  return { start, end, text: text.slice(start, end) };
}
