// The published contract (news-lens/annotations@1, test/contract/annotations.schema.json): what the CLI
// prints and the JSON export writes. It is the Analysis plus where the text came from.
import type { Analysis } from './types';

export const ANNOTATIONS_SCHEMA_ID = 'news-lens/annotations@1';

export interface Annotations extends Omit<Analysis, 'source'> {
  source: { path: string; sha256: string; length: number; date?: string };
}

export function toAnnotations(analysis: Analysis, source: { path: string; sha256: string }): Annotations {
  const { dateSource: _dateSource, ...rest } = analysis.source;
  void _dateSource;
  return { ...analysis, source: { path: source.path, sha256: source.sha256, ...rest } };
}
