import { ambiguousSpeaker } from './ambiguousSpeaker';
import { nameVariant } from './nameVariant';
import type { Rule } from './rule';
import { titleMismatch } from './titleMismatch';
import { unattributedQuote } from './unattributedQuote';
import { unbalancedQuote } from './unbalancedQuote';

export const RULES: readonly Rule[] = [titleMismatch, unattributedQuote, unbalancedQuote, nameVariant, ambiguousSpeaker];
export type { Rule, RuleContext } from './rule';
