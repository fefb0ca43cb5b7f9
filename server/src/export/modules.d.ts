// csv-stringify publishes its sync entry point only through package.json "exports", which tsconfig's
// moduleResolution "node10" does not read; this maps it to its typings (Node and esbuild read "exports").
declare module 'csv-stringify/sync' {
  export * from 'csv-stringify/dist/cjs/sync.cjs';
}
