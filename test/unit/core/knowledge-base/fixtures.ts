// Shared by the knowledge-base tests: the repository's data folder, the shipped knowledge base and lookups.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultKnowledgeBase } from '../../../../server/src/core/knowledgeBase';
import type { LeaderRecord } from '../../../../server/src/core/types';

/** The repository root: the nearest directory above this file with server/data/leaders.json. */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'server', 'data', 'leaders.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`repository root not found above ${__dirname}`);
    dir = up;
  }
}

export const ROOT = repoRoot();
export const DATA = path.join(ROOT, 'server', 'data');
export const kb = defaultKnowledgeBase();
export const byId = new Map(kb.records.map((r) => [r.id, r]));
export const TODAY = '2026-11-26';

export function rec(id: string): LeaderRecord {
  const r = byId.get(id);
  assert.ok(r, `no record ${id}`);
  return r;
}

export const ids = (rs: readonly LeaderRecord[]) => rs.map((r) => r.id);
