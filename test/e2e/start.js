#!/usr/bin/env node
// `npm start`: the packaged extension in a real VS Code in the browser, offline.
// The npm script builds, packages the .vsix and runs the tool setup first; this script then
//   1. installs news-lens-<version>.vsix into a fresh code-server profile (temporary HOME),
//   2. starts code-server on 127.0.0.1:$PORT (default 8080, or a free port when that is taken)
//      with the examples/ folder open, and prints the URL to open,
//   3. runs until Ctrl+C, then stops code-server's whole process group and deletes the profile.
//
//   node test/e2e/start.js [--check]
//   --check   open the URL in headless Chromium, wait until the installed extension shows its
//             diagnostics on examples/misattributed-title.txt, save .vscode-test/logs/start-check.png,
//             stop and exit (a smoke test of the packaged .vsix).
// Env: PORT, HOST (default 127.0.0.1), NEWS_LENS_VSIX (default news-lens-<version>.vsix in the repo).
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const h = require('./lib/harness');

function portFree(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

async function check(server, folder, scratch) {
  const browser = await h.launchBrowser(scratch);
  try {
    const page = await browser.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.base}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'misattributed-title.txt' }).first();
    await row.waitFor({ timeout: 60000 });
    await row.click();
    await page
      .locator('.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint)')
      .first()
      .waitFor({ state: 'attached', timeout: 90000 });
    await page.locator('.part.activitybar .action-item [aria-label^="News Lens"], .part.activitybar .action-item[aria-label^="News Lens"]').first().waitFor({ timeout: 30000 });
    fs.mkdirSync(h.LOGS, { recursive: true });
    await page.screenshot({ path: path.join(h.LOGS, 'start-check.png') });
    h.log('start', `check passed: the installed extension analysed misattributed-title.txt (${path.join(h.LOGS, 'start-check.png')})`);
  } finally {
    await browser.stop();
  }
}

(async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'package.json'), 'utf8'));
  const vsix = path.resolve(process.env.NEWS_LENS_VSIX || path.join(h.ROOT, `${pkg.name}-${pkg.version}.vsix`));
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` first (npm start does)`);
  const folder = h.EXAMPLES;
  const host = process.env.HOST || '127.0.0.1';
  let port = Number(process.env.PORT) || 8080;
  if (!(await portFree(port, host))) {
    const taken = port;
    port = await h.freePort();
    h.log('start', `port ${taken} is taken, using ${port}`);
  }
  const checkOnly = process.argv.includes('--check');

  const scratch = h.makeScratch('start');
  let server;
  const stop = async () => {
    await server?.stop();
    scratch.remove();
  };
  h.onInterrupt(async () => {
    console.log('\nstopping code-server…');
    await stop();
  });
  let failed = false;
  try {
    h.writeUserSettings(scratch, { 'editor.hover.delay': 300, 'editor.wordWrap': 'on' });
    const out = await h.installVsix(scratch, vsix);
    h.log('start', `installed ${path.basename(vsix)}: ${out.trim().split('\n').pop()}`);
    server = await h.startCodeServer(scratch, { port, host, smokeTestDriver: false, logName: 'code-server-start' });
    const url = `${server.base}/?folder=${encodeURIComponent(folder)}`;
    if (checkOnly) {
      await check(server, folder, scratch);
      return;
    }
    console.log(`
  News Lens is running in code-server (VS Code in the browser) with ${path.relative(process.cwd(), folder) || folder}/ open:

      ${url}

  Open that URL in a browser (on another machine: ssh -L ${port}:127.0.0.1:${port} this-host).
  code-server log: ${server.logFile}
  Press Ctrl+C to stop.
`);
    await new Promise(() => {}); // until SIGINT/SIGTERM (handled by the harness: cleanup, then exit)
  } catch (e) {
    failed = true;
    console.error(`npm start failed: ${e && e.message ? e.message : e}`);
    if (server) console.error(server.logTail(30));
  } finally {
    await stop();
  }
  process.exit(failed ? 1 : 0);
})();
