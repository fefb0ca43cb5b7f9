// Test-only modules without bundled typings: csv-parse's sync entry point (exposed only through package.json
// "exports", which moduleResolution node10 does not read), and sax and markdown-it (both come with
// @vscode/vsce), used to read the exports back as an XML parser and a Markdown renderer would.
declare module 'csv-parse/sync' {
  export * from 'csv-parse/dist/cjs/sync.cjs';
}
declare module 'sax';
declare module 'markdown-it';
