// The engine runs in stages, and a module may import only its own stage, earlier stages and the foundations
// (foundations import no stage): that keeps the pipeline readable front to back and import circles out.
// This reads the import statements of every module under server/src/core and fails naming each offence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coreDir, importsOf, sourceFiles } from './imports';

/** Stages in pipeline order; a module's stage is its folder under core/ (or its file name at the root). */
const STAGES = ['foundation', 'names', 'paragraph', 'entities', 'quotes', 'attribution', 'interactions', 'rules', 'index'] as const;
type Stage = (typeof STAGES)[number];

const FOUNDATIONS = new Set(['text', 'types', 'lexicon', 'knowledgeBase', 'annotations', 'articleDate', 'slots', 'span', 'vocabulary']);

/**
 * Imports against the order, each with its reason. The test fails when one is no longer made, so the list
 * only ever shrinks.
 */
const EXCEPTIONS: { from: string; to: string; why: string }[] = [
  { from: 'types.ts', to: 'names/perceptron', why: 'type only: AnalyzeOptions.nameModel is a SequenceModel, and names/ is not ours to move' },
];

/** The stage of a module, by its path relative to core/ ("paragraph/names.ts", "index.ts", "vocabulary"). */
function stageOf(rel: string): Stage | undefined {
  const head = rel.split('/')[0].replace(/\.ts$/, '');
  if (FOUNDATIONS.has(head)) return 'foundation';
  return (STAGES as readonly string[]).includes(head) && head !== 'foundation' ? (head as Stage) : undefined;
}

/** Imports of core modules that break the order, as "from imports to (stage → stage)" lines. */
function offences(modules: { rel: string; source: string }[]): string[] {
  const out: string[] = [];
  for (const { rel, source } of modules) {
    const from = stageOf(rel);
    if (!from) {
      out.push(`${rel} is in no stage: add its folder to STAGES or its name to FOUNDATIONS`);
      continue;
    }
    for (const spec of importsOf(source)) {
      if (!spec.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      if (target.startsWith('..')) continue; // outside the core: data files
      const to = stageOf(target);
      if (!to) {
        out.push(`${rel} imports ${spec}, which is in no stage`);
        continue;
      }
      const late = from === 'foundation' ? to !== 'foundation' : STAGES.indexOf(to) > STAGES.indexOf(from);
      if (late && !EXCEPTIONS.some((e) => e.from === rel && e.to === target)) out.push(`${rel} imports ${spec} (${from} → ${to}, a later stage)`);
    }
  }
  return out;
}

function coreModules(): { rel: string; source: string }[] {
  return sourceFiles(coreDir).map((f) => ({ rel: path.relative(coreDir, f).split(path.sep).join('/'), source: readFileSync(f, 'utf8') }));
}

test('the stage-order check names an import of a later stage, and one of a foundation into a stage', () => {
  const found = offences([
    { rel: 'paragraph/names.ts', source: `import { a } from '../attribution/cues';\nimport type { B } from './candidates';\nimport c from '../../data/x.json';` },
    { rel: 'text.ts', source: `export { d } from './paragraph/analyze';` },
    { rel: 'quotes/scan.ts', source: `import type { E } from '../entities/table';\nimport { f } from '../lexicon';` },
    { rel: 'extras/new.ts', source: '' },
  ]);
  assert.deepEqual(found, [
    'paragraph/names.ts imports ../attribution/cues (paragraph → attribution, a later stage)',
    'text.ts imports ./paragraph/analyze (foundation → paragraph, a later stage)',
    'extras/new.ts is in no stage: add its folder to STAGES or its name to FOUNDATIONS',
  ]);
});

test('server/src/core: each module imports only its own stage, earlier stages and the foundations', () => {
  const modules = coreModules();
  assert.ok(modules.length >= 30, `expected the core's modules under ${coreDir}, found ${modules.length}`);
  assert.deepEqual(offences(modules), []);
});

test('every stage-order exception is still needed', () => {
  const modules = new Map(coreModules().map((m) => [m.rel, m.source]));
  const unused = EXCEPTIONS.filter((e) => {
    const source = modules.get(e.from);
    return !source || !importsOf(source).some((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(e.from), spec)) === e.to);
  });
  assert.deepEqual(unused, []);
});
