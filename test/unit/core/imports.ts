// Reading the engine's sources for their imports: shared by the purity and the stage-order tests.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** server/src/core, from out/test/unit/core (where the compiled tests run). */
export const coreDir = path.resolve(__dirname, '../../../../server/src/core');

/** Every .ts file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The module specifiers a source imports or re-exports, in every form (static, type-only, dynamic, require). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:import\s[^'"]*?from\s*|import\s*\(\s*|require\s*\(\s*|export\s[^'"]*?from\s*|import\s+)['"]([^'"]+)['"]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) out.push(m[1]);
  return out;
}
