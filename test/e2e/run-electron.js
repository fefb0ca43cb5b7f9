#!/usr/bin/env node
// The same extension-host suite (out/test/e2e/index.js) in desktop VS Code, for machines with internet
// or a desktop VS Code. @vscode/test-electron 2.5.x (Node 20) downloads and caches VS Code in
// .vscode-test/electron/; set VSCODE_EXECUTABLE_PATH to an installed VS Code binary to skip the download.
// On a Linux machine without a display, run it under `xvfb-run -a`.
//
//   npm run test:e2e:electron          (VSCODE_VERSION=stable|insiders|1.95.0, default stable)
//
// VS Code is started here (not by runTests) so that it leads its own process group, which is killed
// on timeout, on failure and on Ctrl+C. The offline runner is test/e2e/run-code-server.js.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const h = require('./lib/harness');

const TIMEOUT_MS = Number(process.env.NEWS_LENS_E2E_TIMEOUT_MS) || 600000;

(async () => {
  h.requireBuilt('dist/extension.js', 'dist/server.js', 'out/test/e2e/index.js');
  const scratch = h.makeScratch('electron');
  h.fillWorkspace(scratch.workspace);
  h.writeUserSettings(scratch);
  const resultsFile = path.join(scratch.dir, 'results.json');
  let ok = false;
  let pgid;
  try {
    let exe = process.env.VSCODE_EXECUTABLE_PATH;
    if (!exe) {
      const { downloadAndUnzipVSCode } = require('@vscode/test-electron');
      exe = await h.withTimeout(
        downloadAndUnzipVSCode({ version: process.env.VSCODE_VERSION || 'stable', cachePath: path.join(h.TOOLS, 'electron'), timeout: 30000 }),
        600000,
        'downloading VS Code',
      );
    }
    h.log('electron', `VS Code: ${exe}`);
    const args = [
      scratch.workspace,
      '--no-sandbox',
      '--disable-gpu-sandbox',
      '--disable-updates',
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${scratch.userData}`,
      `--extensions-dir=${scratch.extensions}`,
      `--extensionDevelopmentPath=${h.ROOT}`,
      `--extensionTestsPath=${path.join(h.ROOT, 'out', 'test', 'e2e', 'index.js')}`,
    ];
    const env = { ...scratch.env, NEWS_LENS_E2E_RESULTS: resultsFile };
    if (process.env.NEWS_LENS_E2E_GREP) env.NEWS_LENS_E2E_GREP = process.env.NEWS_LENS_E2E_GREP;
    if (process.env.DISPLAY) env.DISPLAY = process.env.DISPLAY;
    const child = spawn(exe, args, { env, detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
    pgid = h.adopt(child.pid);
    const code = await h.withTimeout(
      new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (c, signal) => resolve(c ?? signal));
      }),
      TIMEOUT_MS,
      'VS Code running the suite',
    );
    h.log('electron', `VS Code exited with ${code}`);
    ok = code === 0;
  } catch (e) {
    console.error(`test:e2e:electron: ${e && e.message ? e.message : e}`);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(String(e))) {
      console.error('No internet: use `npm run test:e2e` (code-server, offline) or set VSCODE_EXECUTABLE_PATH.');
    }
  } finally {
    if (pgid) await h.killGroup(pgid);
    if (fs.existsSync(resultsFile)) {
      const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      for (const t of r.tests) console.log(`  ${t.state === 'passed' ? '✔' : '✘'} ${t.title}${t.error ? `\n      ${t.error.split('\n')[0]}` : ''}`);
      console.log(`  ${r.passed} passing, ${r.failed} failing (${r.appName} ${r.vscode})`);
      ok = ok && r.failed === 0 && r.passed > 0;
    } else {
      ok = false;
    }
    scratch.remove();
  }
  process.exit(ok ? 0 : 1);
})();
