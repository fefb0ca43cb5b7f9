// common/ is what the extension (client) and the server both import; the extension bundle must not pull in
// the engine or the language server through it. So its modules import no editor API, no server runtime
// code (types of the engine's output only, `import type`), and of the LSP only the protocol package.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../../..');
const dir = path.join(ROOT, 'common');

test('common/ imports no editor API, no language server, and the engine only as types', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 4, `the shared modules under ${dir}`);
  const offences: string[] = [];
  for (const f of files) {
    const src = readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/^(import|export)(\s+type)?\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)) {
      const [, , typeOnly, spec] = m;
      if (/^(vscode|vscode-languageserver|vscode-languageserver\/.*|vscode-languageclient.*)$/.test(spec)) offences.push(`${f} imports ${spec}`);
      else if (spec.startsWith('.') && !spec.startsWith('./') && !typeOnly) offences.push(`${f} imports ${spec} at run time`);
    }
    for (const m of src.matchAll(/(?:require|import)\s*\(\s*['"]([^'"]+)['"]/g)) offences.push(`${f} loads ${m[1]}`);
  }
  assert.deepEqual(offences, []);
});
