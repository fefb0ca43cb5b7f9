// Bundles the shipped entry points with esbuild; `tsc` (run before this) does the type checking.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

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
