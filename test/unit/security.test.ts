// Safety checks that need no editor: the built bundles make no network requests (only the language
// client's and server's local transports touch `net`), restricted mode is declared in package.json, and
// gazetteer files are only ever read as JSON (never executed, no prototype pollution).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadGazetteerFile, parseGazetteer } from '../../server/src/gazetteer';

const root = path.resolve(__dirname, '../../..');
const dist = path.join(root, 'dist');
const BUNDLES = ['extension.js', 'server.js', 'cli.js', 'graph.js'];

/** Node modules that can reach the network; `net` is allowed only for vscode-jsonrpc's pipe and loopback transports. */
const NETWORK_MODULES = ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'undici', 'ws'];
/** Browser and Node globals that make requests. */
const NETWORK_CALLS = [/\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bnew\s+WebSocket\b/, /\bEventSource\b/, /\bsendBeacon\b/, /\bimportScripts\b/, /\bRTCPeerConnection\b/];

for (const bundle of BUNDLES) {
  test(`${bundle} makes no network requests`, { skip: !existsSync(path.join(dist, bundle)) && 'not built' }, () => {
    const code = readFileSync(path.join(dist, bundle), 'utf8');
    const required = [...code.matchAll(/require\(\s*["'](?:node:)?([\w/.-]+)["']\s*\)/g)].map((m) => m[1]);
    for (const m of NETWORK_MODULES) assert.ok(!required.includes(m), `${bundle} requires "${m}"`);
    for (const re of NETWORK_CALLS) assert.ok(!re.test(code), `${bundle} uses ${re}: …${code.slice(Math.max(0, code.search(re) - 120), code.search(re) + 80)}…`);
    // `net`: only createServer / createConnection of vscode-jsonrpc's transports (a named pipe, or a
    // socket on 127.0.0.1 for --socket=N), never connect() to a host.
    const netVars = [...code.matchAll(/(?:var|let|const|,)\s*([\w$]+)\s*=\s*require\("(?:node:)?net"\)/g)].map((m) => m[1]);
    if (bundle === 'extension.js' || bundle === 'server.js') assert.equal(netVars.length, 1, 'vscode-jsonrpc’s transports');
    else assert.equal(netVars.length, 0);
    for (const v of netVars) {
      const name = v.replace(/\$/g, '\\$');
      const uses = [...code.matchAll(new RegExp(`\\b${name}\\.(\\w+)\\)?(?:\\(([^)]*)\\))?`, 'g'))];
      assert.ok(uses.length > 0);
      for (const [, method, args] of uses) {
        assert.ok(method === 'createServer' || method === 'createConnection', `${bundle}: net.${method}`);
        // createConnection(pipeName) or createConnection(port, "127.0.0.1"): local only.
        const parts = (args ?? '').split(',').map((a) => a.trim()).filter(Boolean);
        if (method === 'createConnection') assert.ok(parts.length === 1 || (parts.length === 2 && parts[1] === '"127.0.0.1"'), `${bundle}: net.createConnection(${args})`);
      }
    }
  });
}

test('the graph webview loads nothing remote: no URL in its script is fetched', { skip: !existsSync(path.join(dist, 'graph.js')) && 'not built' }, () => {
  const code = readFileSync(path.join(dist, 'graph.js'), 'utf8');
  const urls = [...new Set([...code.matchAll(/https?:\/\/[\w.-]+/g)].map((m) => m[0]))].sort();
  // Only licence comments and the SVG namespace; the Content-Security-Policy (default-src 'none') would block anything else anyway.
  const allowed = ['http://en.wikipedia.org', 'http://engelschall.com', 'http://opensource.org', 'http://www.w3.org', 'https://github.com', 'https://jquery.org', 'https://tldrlegal.com'];
  for (const u of urls) assert.ok(allowed.includes(u), `unexpected URL in graph.js: ${u}`);
});

test('package.json declares restricted mode: limited support in untrusted workspaces, gazetteer files restricted', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const untrusted = pkg.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, 'limited');
  assert.match(untrusted.description, /gazetteer/);
  assert.deepEqual(untrusted.restrictedConfigurations, ['newsLens.gazetteerFiles']);
  // Nothing in the extension's manifest runs code or fetches anything at install time.
  for (const script of ['preinstall', 'install', 'postinstall']) assert.equal(pkg.scripts?.[script], undefined, script);
});

test('a gazetteer file is parsed as JSON only: JavaScript in it is never run', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-lens-gaz-js-'));
  try {
    const marker = path.join(dir, 'ran');
    const js = `module.exports = [require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')];\n`;
    for (const name of ['evil.js', 'evil.json', 'evil.cjs']) {
      const file = path.join(dir, name);
      writeFileSync(file, js);
      const r = loadGazetteerFile(file);
      assert.deepEqual(r.records, []);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].file, file);
      assert.equal(r.errors[0].line, 1);
      assert.match(r.errors[0].message, /./);
    }
    assert.ok(!existsSync(marker), 'the gazetteer was executed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a gazetteer cannot pollute prototypes, and unknown fields are named with their line', () => {
  const text = '[\n  { "__proto__": { "polluted": true }, "id": "a-b", "name": "A B", "offices": [],\n    "constructor": { "prototype": { "polluted": true } } }\n]\n';
  const r = parseGazetteer(text, 'x.json');
  assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  assert.equal((Object.prototype as { polluted?: boolean }).polluted, undefined);
  for (const rec of r.records) assert.equal((rec as { polluted?: boolean }).polluted, undefined);
  assert.ok(r.errors.length > 0, 'unknown fields are errors');
  for (const e of r.errors) {
    assert.equal(e.file, 'x.json');
    assert.ok(e.line >= 2, JSON.stringify(e));
  }
});
