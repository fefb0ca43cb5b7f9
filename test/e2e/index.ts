// Extension-test entry point (extensionTestsPath). VS Code's extension host require()s the compiled
// out/test/e2e/index.js and awaits run(): the same entry serves the code-server runner
// (test/e2e/run-code-server.js) and the desktop runner (test/e2e/run-electron.js).
//
// Mocha's spec output reaches the runners only as forwarded console lines, so run() also writes a
// results file (NEWS_LENS_E2E_RESULTS, else .e2e-results.json in the first workspace folder) that the
// runners print and judge.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

// mocha 12 is an ES module package; its CommonJS bundle loads in every extension host (Node 18+).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha/lib/mocha.cjs');

export interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

export interface ResultsFile {
  passed: number;
  failed: number;
  tests: TestResult[];
  vscode: string;
  appName: string;
  uiKind: string;
  startedAt: string;
  finishedAt: string;
}

function resultsPath(): string | undefined {
  if (process.env.NEWS_LENS_E2E_RESULTS) return process.env.NEWS_LENS_E2E_RESULTS;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && folder.uri.scheme === 'file' ? path.join(folder.uri.fsPath, '.e2e-results.json') : undefined;
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.NEWS_LENS_E2E_TEST_TIMEOUT_MS) || 60000,
    grep: process.env.NEWS_LENS_E2E_GREP || undefined,
  });
  // Every compiled suite file; extension.test.js first (it checks activation by opening the seed article).
  const suites = path.join(__dirname, 'suite');
  const files = fs.readdirSync(suites).filter((f) => f.endsWith('.test.js'));
  files.sort((a, b) => Number(b === 'extension.test.js') - Number(a === 'extension.test.js') || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(suites, f));

  const startedAt = new Date().toISOString();
  const tests: TestResult[] = [];
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = resultsPath();
      const results: ResultsFile = {
        passed: tests.filter((t) => t.state === 'passed').length,
        failed: failures,
        tests,
        vscode: vscode.version,
        appName: vscode.env.appName,
        uiKind: vscode.UIKind[vscode.env.uiKind],
        startedAt,
        finishedAt: new Date().toISOString(),
      };
      if (file) {
        try {
          fs.writeFileSync(file, JSON.stringify(results, null, 2));
        } catch (e) {
          console.error('[news-lens e2e] cannot write results file', file, e);
        }
      }
      console.log(`[news-lens e2e] ${results.passed} passing, ${failures} failing`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
      console.log(`[news-lens e2e] ✔ ${t.title} (${t.duration} ms)`);
    });
    runner.on('fail', (t, err: unknown) => {
      const e = err as { stack?: string; message?: string } | undefined;
      console.log(`[news-lens e2e] ✘ ${t.title}: ${e?.message ?? err}`);
      tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String(e?.stack || e?.message || err) });
    });
  });
}
