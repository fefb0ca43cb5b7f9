#!/usr/bin/env node
// Offline real-editor tests: code-server (VS Code's server + web workbench, on Node 24) driven by
// Debian's Chromium through playwright-core.
//
//   node test/e2e/run-code-server.js [suite] [ui]     (default: both)
//
//   suite  the mocha suite (out/test/e2e/index.js) inside code-server's extension host, loaded with the
//          extensionDevelopmentPath/extensionTestsPath URL payload; VS Code reports the exit code
//          through window.codeAutomationExit.
//   ui     test/e2e/ui-checks.js in the browser: explorer, hover, News Lens views, Problems panel,
//          screenshots into SCREENSHOT_DIR (default .vscode-test/screenshots; the README's images in
//          test/e2e/screenshots are refreshed with SCREENSHOT_DIR=test/e2e/screenshots npm run test:ui).
//
// Each stage gets its own code-server, temporary HOME and profile; every wait has a timeout; code-server
// and Chromium are killed as process groups in `finally` (and on SIGINT/SIGTERM). Exit code 0 only when
// every stage passed. Env: NEWS_LENS_E2E_TIMEOUT_MS (suite, default 300000), NEWS_LENS_E2E_TOTAL_TIMEOUT_MS
// (everything, default 12 min), NEWS_LENS_E2E_GREP,
// NEWS_LENS_E2E_KEEP=1 (keep the scratch folders), SCREENSHOT_DIR.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./lib/harness');

const SUITE_TIMEOUT_MS = Number(process.env.NEWS_LENS_E2E_TIMEOUT_MS) || 300000;
/** A last-resort watchdog over everything this script does (each step has its own, shorter timeout). */
const TOTAL_TIMEOUT_MS = Number(process.env.NEWS_LENS_E2E_TOTAL_TIMEOUT_MS) || 12 * 60000;

/**
 * Writes every browser console message to `file` and echoes the interesting ones: the extension
 * host's console (mocha's spec lines, our logs, errors) reaches the page with VS Code's %c styling.
 */
function consoleForwarder(tag, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  return (msg) => {
    const raw = msg.text();
    out.write(`[${msg.type()}] ${raw}\n`);
    const t = raw
      .replace(/%c/g, '')
      .replace(/(?:^|\s)(?:color|font-weight|background)\s*:[^;%\n]*;?/g, ' ')
      .replace(/^\s*(?:INFO|ERR|WARN|DEBUG)\b\s*/, '')
      .trim();
    if (!t || /open-vsx|ENOTFOUND|authentication provider|marketplace|telemetry|ERR_NAME_NOT_RESOLVED|Failed to load resource/i.test(t)) return;
    // Mocha's spec lines arrive as unformatted printf templates: the results file is printed instead.
    if (!/\[news-lens e2e\]|News Lens client|\[Extension Host\].*(news-lens|Error)/i.test(t)) return;
    console.log(`  [${tag}] ${t.split('\n').slice(0, 8).join('\n      ').slice(0, 1200)}`);
  };
}

async function runSuite() {
  h.requireBuilt('dist/extension.js', 'dist/server.js', 'out/test/e2e/index.js', 'out/test/e2e/suite/extension.test.js');
  const scratch = h.makeScratch('suite');
  h.fillWorkspace(scratch.workspace);
  h.writeUserSettings(scratch);
  const resultsFile = path.join(scratch.dir, 'results.json');
  scratch.env.NEWS_LENS_E2E_RESULTS = resultsFile;
  if (process.env.NEWS_LENS_E2E_GREP) scratch.env.NEWS_LENS_E2E_GREP = process.env.NEWS_LENS_E2E_GREP;
  let server;
  let browser;
  let ok = false;
  h.onInterrupt(async () => {
    await browser?.stop();
    await server?.stop();
  });
  try {
    server = await h.startCodeServer(scratch, { logName: 'code-server-suite' });
    h.log('suite', `code-server up at ${server.base} (pid group ${server.pid})`);
    browser = await h.launchBrowser(scratch);
    const page = await browser.browser.newPage();
    page.on('console', consoleForwarder('vscode', path.join(h.LOGS, 'suite-console.log')));
    page.on('pageerror', (e) => console.log('  [pageerror]', String(e).slice(0, 300)));
    let report;
    const exited = new Promise((resolve) => (report = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => {
      h.log('suite', `VS Code called codeAutomationExit(${code})`);
      report(code);
    });
    const url = h.workbenchUrl(server, scratch.workspace, {
      devPath: h.ROOT,
      testsPath: path.join(h.ROOT, 'out', 'test', 'e2e', 'index.js'),
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    h.log('suite', 'workbench loading; extension tests start when the extension host is up');
    let code;
    try {
      code = await h.withTimeout(exited, SUITE_TIMEOUT_MS, 'the extension-host suite to finish (codeAutomationExit)');
    } catch (e) {
      fs.mkdirSync(h.LOGS, { recursive: true });
      await page.screenshot({ path: path.join(h.LOGS, 'suite-timeout.png') }).catch(() => {});
      throw e;
    }
    let results;
    try {
      results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    } catch {
      // The workspace fallback, when the extension host did not inherit our environment.
      try {
        results = JSON.parse(fs.readFileSync(path.join(scratch.workspace, '.e2e-results.json'), 'utf8'));
      } catch {}
    }
    if (results) {
      console.log(`\n  News Lens e2e suite in ${results.appName} ${results.vscode} (uiKind ${results.uiKind}):`);
      for (const t of results.tests) {
        console.log(`    ${t.state === 'passed' ? '✔' : '✘'} ${t.title}${t.durationMs != null ? ` (${t.durationMs} ms)` : ''}`);
        if (t.error) console.log(t.error.split('\n').slice(0, 12).map((l) => `        ${l}`).join('\n'));
      }
      console.log(`  ${results.passed} passing, ${results.failed} failing\n`);
    } else {
      console.log('  (no results file: the suite did not run to its end)');
    }
    ok = code === 0 && !!results && results.failed === 0 && results.passed > 0;
    if (!ok) h.log('suite', `FAILED (exit code ${code}); code-server log: ${server.logFile}`);
  } catch (e) {
    ok = false;
    throw e;
  } finally {
    await browser?.stop();
    await server?.stop();
    if (!ok) console.log(h.collectOutputChannel(scratch, 'suite-news-lens-output.log') || '  (no News Lens output channel log)');
    if (!ok || process.env.NEWS_LENS_E2E_KEEP) h.log('suite', `scratch kept: ${scratch.dir}`);
    else scratch.remove();
  }
  return ok;
}

async function runUi() {
  h.requireBuilt('dist/extension.js', 'dist/server.js');
  const { uiChecks } = require('./ui-checks');
  const scratch = h.makeScratch('ui');
  h.fillWorkspace(scratch.workspace);
  // Wrapped lines: the seed's paragraphs are single long lines, and the screenshots should show them.
  h.writeUserSettings(scratch, { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false });
  let server;
  let browser;
  let ok = false;
  h.onInterrupt(async () => {
    await browser?.stop();
    await server?.stop();
  });
  try {
    server = await h.startCodeServer(scratch, { logName: 'code-server-ui' });
    h.log('ui', `code-server up at ${server.base} (pid group ${server.pid})`);
    browser = await h.launchBrowser(scratch);
    const url = h.workbenchUrl(server, scratch.workspace, { devPath: h.ROOT });
    ok = await uiChecks(browser.browser, url, {
      // Not test/e2e/screenshots by default: the committed README images change only on purpose
      // (SCREENSHOT_DIR=test/e2e/screenshots npm run test:ui).
      screenshots: path.resolve(h.ROOT, process.env.SCREENSHOT_DIR || path.join(h.TOOLS, 'screenshots')),
      log: (...a) => h.log('ui', ...a),
    });
  } finally {
    await browser?.stop();
    await server?.stop();
    if (!ok) console.log(h.collectOutputChannel(scratch, 'ui-news-lens-output.log') || '  (no News Lens output channel log)');
    if (!ok || process.env.NEWS_LENS_E2E_KEEP) h.log('ui', `scratch kept: ${scratch.dir}`);
    else scratch.remove();
  }
  return ok;
}

(async () => {
  setTimeout(() => {
    console.error(`e2e FAILED: still running after ${TOTAL_TIMEOUT_MS / 60000} min; killing code-server and Chromium`);
    process.exit(1); // the harness's 'exit' handler kills every process group it started
  }, TOTAL_TIMEOUT_MS).unref();
  const stages = process.argv.slice(2).filter((a) => a === 'suite' || a === 'ui');
  if (!stages.length) stages.push('suite', 'ui');
  const outcome = {};
  for (const stage of stages) {
    const started = Date.now();
    h.log(stage, 'starting');
    try {
      outcome[stage] = stage === 'suite' ? await runSuite() : await runUi();
    } catch (e) {
      console.error(`  [${stage}] ERROR: ${e && e.stack ? e.stack : e}`);
      outcome[stage] = false;
    }
    h.log(stage, `${outcome[stage] ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  const failed = Object.keys(outcome).filter((s) => !outcome[s]);
  console.log(failed.length ? `e2e FAILED: ${failed.join(', ')}` : `e2e passed: ${stages.join(', ')}`);
  process.exit(failed.length ? 1 : 0);
})();
