// Bundles the shipped entry points with esbuild; `tsc` (run before this) does the type checking.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const production = process.argv.includes('--production');
const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
].filter((e) => existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
    }),
  ),
);

// The conversation graph's webview: a browser script (IIFE) and its stylesheet, type-checked with DOM
// types by its own tsconfig; and the countries' flags (SVG, from world-countries) the graph shows.
const webview = 'client/src/graph/webview';
if (existsSync(`${webview}/main.ts`)) {
  const require = createRequire(import.meta.url);
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', webview], { stdio: 'inherit' });
  await build({
    entryPoints: [
      { in: `${webview}/main.ts`, out: 'graph' },
      { in: `${webview}/graph.css`, out: 'graph' },
    ],
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome114'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  });
  const flags = path.join(path.dirname(require.resolve('world-countries/package.json')), 'data');
  mkdirSync('dist/flags', { recursive: true });
  for (const f of readdirSync(flags)) {
    if (!/^[a-z]{3}\.svg$/.test(f)) continue;
    const svg = readFileSync(path.join(flags, f), 'utf8');
    // An image needs an intrinsic size to be drawn on a canvas: give one to the few flags with only a viewBox.
    const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    const box = /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/.exec(root);
    const sized = box && !/\swidth=/.test(root) ? svg.replace(root, root.replace('<svg', `<svg width="${box[1] * 100}" height="${box[2] * 100}"`)) : svg;
    writeFileSync(path.join('dist/flags', f), sized);
  }
}
