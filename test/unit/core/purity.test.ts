// The engine must stay pure so that the CLI, the server and the tests share it: no editor APIs, no LSP,
// no file system. This reads every module under server/src/core and fails on any such import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coreDir, importsOf, sourceFiles } from './imports';

const FORBIDDEN = [/^vscode$/, /^vscode-languageserver/, /^vscode-languageclient/, /^(node:)?fs(\/promises)?$/, /^(node:)?child_process$/, /^(node:)?net$/, /^(node:)?http2?$/];

test('the import scanner sees every import form (so the purity check can fail)', () => {
  const sample = `import a from 'fs';\nimport { b } from "vscode";\nconst c = require('node:fs');\nexport * from 'vscode-languageserver/node';\nimport 'child_process';\nconst d = await import('net');`;
  const found = importsOf(sample);
  assert.deepEqual(found.sort(), ['child_process', 'fs', 'net', 'node:fs', 'vscode', 'vscode-languageserver/node'].sort());
  assert.ok(found.every((i) => FORBIDDEN.some((f) => f.test(i))));
});

test('server/src/core imports no vscode, vscode-languageserver*, node:fs or other I/O modules', () => {
  const all = sourceFiles(coreDir);
  assert.ok(all.length >= 10, `expected the core's modules under ${coreDir}, found ${all.length}`);
  const offences: string[] = [];
  for (const f of all) {
    for (const imp of importsOf(readFileSync(f, 'utf8'))) {
      if (FORBIDDEN.some((re) => re.test(imp))) offences.push(`${path.relative(coreDir, f)} imports ${imp}`);
    }
  }
  assert.deepEqual(offences, []);
});
