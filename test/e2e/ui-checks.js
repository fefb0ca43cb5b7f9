// UI checks in the browser workbench (code-server + Chromium through playwright-core): what a user sees.
// Called by run-code-server.js with a browser and the workbench URL (News Lens loaded as the extension
// under development, the seed article and the examples in the workspace).
//
//   1. open the seed article from the explorer; the title-mismatch squiggle appears
//   2. hover "Putin": read the hover from the DOM                              -> hover.png
//   3. open the News Lens view container: read "Who Spoke to Whom" (Putin and his five contacts)
//      and "Quotes"                                                              -> sidebar.png
//   4. open the Problems panel: our title-mismatch diagnostic is listed          -> problems.png
//   5. all of it at once (views, hover, Problems) for the README                 -> overview.png
//   6. News Lens: Show Conversation Graph: the webview beside the article lists Putin with five
//      conversations; selecting him shows them and reveals his first mention       -> graph.png
//
// Every wait has a timeout. Returns true when every check passed.
'use strict';
const fs = require('fs');
const path = require('path');
const { LOGS } = require('./lib/harness');

const SEED_NAME = 'putin-netanyahu-call.txt';
const CONTACTS = [/Netanyahu/, /Sisi/, /Raisi/, /Assad/, /Abbas/];

/** Screen rectangle of the first on-screen occurrence of `word` in the active editor's text. */
async function wordRect(page, word) {
  return page.evaluate((w) => {
    let best = null;
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let node;
      let text = '';
      const nodes = [];
      while ((node = walker.nextNode())) {
        nodes.push([node, text.length]);
        text += node.textContent;
      }
      const at = text.indexOf(w);
      if (at < 0) continue;
      // The word may span token <span>s: find the text node holding its middle character.
      const mid = at + Math.floor(w.length / 2);
      const [n, base] = nodes.filter(([, b]) => b <= mid).pop();
      const range = document.createRange();
      range.setStart(n, mid - base);
      range.setEnd(n, mid - base + 1);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && (!best || r.y < best.y)) best = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return best;
  }, word);
}

async function uiChecks(browser, url, { screenshots, log }) {
  fs.mkdirSync(screenshots, { recursive: true });
  fs.mkdirSync(LOGS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  page.on('pageerror', (e) => log('[pageerror]', String(e).slice(0, 200)));
  const failures = [];
  const shot = async (name) => {
    const file = path.join(screenshots, name);
    await page.screenshot({ path: file, timeout: 30000 });
    log('screenshot', path.relative(process.cwd(), file));
  };
  async function check(name, fn) {
    const started = Date.now();
    try {
      await fn();
      log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
      return true;
    } catch (e) {
      failures.push(name);
      log(`✘ ${name}: ${String(e && e.message ? e.message : e).split('\n').slice(0, 6).join('\n    ')}`);
      const file = path.join(LOGS, `ui-failure-${failures.length}.png`);
      await page.screenshot({ path: file, timeout: 10000 }).catch(() => {});
      log(`  failure screenshot: ${file}`);
      return false;
    }
  }

  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
    log('workbench visible');

    const opened = await check('open the seed article from the explorer', async () => {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED_NAME }).first();
      await row.waitFor({ timeout: 60000 });
      await row.click();
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Vladimir' }).first().waitFor({ timeout: 30000 });
    });
    if (!opened) return false;

    await check('the title-mismatch squiggle appears in the editor', async () => {
      await page
        .locator('.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint)')
        .first()
        .waitFor({ state: 'attached', timeout: 90000 });
    });

    const hovered = await check('hover over "Putin" shows News Lens\'s hover', async () => {
      const text = await hoverOver(page, 'Putin', 'Vladimir Putin', log);
      log(`  hover text: ${JSON.stringify(text.slice(0, 300))}`);
      if (!/President/.test(text) || !/Russia/.test(text)) throw new Error(`hover lacks his office or country: ${JSON.stringify(text)}`);
      await shot('hover.png');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await check('the News Lens view shows Putin with his five contacts, and the quotes', async () => {
      const bar = page.locator('.part.activitybar .action-item a.action-label[aria-label^="News Lens"], .part.activitybar .action-item[aria-label^="News Lens"]').first();
      if (await bar.count()) await bar.click();
      else await runCommand(page, 'View: Show News Lens');
      const conv = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /Who Spoke to Whom/i }) }).first();
      await conv.waitFor({ timeout: 30000 });
      const putin = conv.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Putin' }).first();
      await putin.waitFor({ timeout: 60000 });
      if ((await putin.getAttribute('aria-expanded')) === 'false') await putin.locator('.monaco-tl-twistie').click();
      await conv.locator('.monaco-list-row[aria-level="2"]').first().waitFor({ timeout: 15000 });
      // The children of Putin: level-2 rows after his row, up to the next level-1 row.
      const rows = await conv.locator('.monaco-list-row').evaluateAll((els) =>
        els
          .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
          .map((el) => ({
            level: el.getAttribute('aria-level'),
            // The name only: a contact's description quotes the evidence, which names other people.
            text: (el.querySelector('.label-name') || el).textContent.replace(/\s+/g, ' ').trim(),
          })),
      );
      const start = rows.findIndex((r) => r.level === '1' && /Putin/.test(r.text));
      const contacts = [];
      for (let i = start + 1; i < rows.length && rows[i].level !== '1'; i++) if (rows[i].level === '2') contacts.push(rows[i].text);
      log(`  Who Spoke to Whom: ${JSON.stringify(rows.map((r) => `${'  '.repeat(Number(r.level) - 1)}${r.text}`))}`);
      const missing = CONTACTS.filter((re) => !contacts.some((c) => re.test(c)));
      if (missing.length || contacts.length !== 5) throw new Error(`Putin's contacts in the view: ${JSON.stringify(contacts)} (missing ${missing.join(', ')})`);

      const quotes = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^\s*Quotes/i }) }).first();
      await quotes.waitFor({ timeout: 15000 });
      if ((await quotes.locator('.pane-header').getAttribute('aria-expanded')) === 'false') await quotes.locator('.pane-header').click();
      await quotes.locator('.monaco-list-row').first().waitFor({ timeout: 30000 });
      const quoteRows = await quotes.locator('.monaco-list-row').evaluateAll((els) =>
        els.map((el) => [el.querySelector('.label-name'), el.querySelector('.label-description')].map((n) => (n ? n.textContent.trim() : '')).filter(Boolean).join(' · ')),
      );
      log(`  Quotes: ${JSON.stringify(quoteRows.map((t) => t.slice(0, 90)))}`);
      if (!quoteRows.length) throw new Error('the Quotes view is empty');
      await shot('sidebar.png');
    });

    await check('the Problems panel lists the title-mismatch diagnostic', async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      const visible = await panel.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
      if (!visible) await runCommand(page, 'View: Focus on Problems View');
      const row = panel.locator('.monaco-list-row', { hasText: 'title-mismatch' }).first();
      await row.waitFor({ timeout: 30000 });
      log(`  problem: ${JSON.stringify((await row.innerText()).replace(/\s+/g, ' '))}`);
      await shot('problems.png');
    });

    // Everything at once, for the README: the News Lens views, the hover and the Problems panel.
    if (hovered) await check('overview screenshot', async () => {
      await hoverOver(page, 'Putin', 'Vladimir Putin', log);
      await shot('overview.png');
    });

    await check('the conversation graph opens beside the article with Putin\'s five conversations', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      // Room for the article and the graph side by side: no side bar, no panel.
      await runCommand(page, 'View: Close Primary Side Bar');
      await runCommand(page, 'View: Hide Panel');
      await runCommand(page, 'News Lens: Show Conversation Graph');
      // The webview's document sits in an iframe (#active-frame) inside the webview's own iframe.
      const view = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await view.locator('body[data-rendered] #graph canvas').first().waitFor({ state: 'attached', timeout: 60000 });
      const edges = await view.locator('#edge-list li').allTextContents();
      const nodes = await view.locator('#node-list li').allTextContents();
      log(`  graph: ${nodes.length} nodes, ${edges.length} edges; ${JSON.stringify(await view.locator('#status').textContent())}`);
      const putin = edges.filter((e) => /Vladimir Putin/.test(e));
      const missing = CONTACTS.filter((re) => !putin.some((e) => re.test(e)));
      if (putin.length !== 5 || missing.length) throw new Error(`Putin's conversations in the graph: ${JSON.stringify(putin)}`);
      // Select Putin as a click on him does: his details beside the graph, his first mention selected in the article.
      await view.locator('#node-list button', { hasText: 'Vladimir Putin' }).dispatchEvent('click');
      await view.locator('#details h2', { hasText: 'Vladimir Putin' }).waitFor({ timeout: 15000 });
      const details = (await view.locator('#details').innerText()).replace(/\s+/g, ' ');
      log(`  details: ${JSON.stringify(details.slice(0, 300))}`);
      if (!/5 conversations/.test(details)) throw new Error(`the details do not give five conversations: ${details}`);
      await page.mouse.move(5, 5);
      await shot('graph.png');
    });
  } finally {
    await context.close().catch(() => {});
  }
  if (failures.length) log(`UI checks failed: ${failures.join('; ')}`);
  return failures.length === 0;
}

/** Hovers `word` in the editor until a hover containing `expect` shows (45 s at most); returns its text. */
async function hoverOver(page, word, expect, log) {
  const hover = page.locator('.monaco-hover:visible', { hasText: expect }).first();
  const deadline = Date.now() + 45000;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    const at = await wordRect(page, word);
    if (!at) throw new Error(`"${word}" is not on screen`);
    await page.mouse.move(at.x, at.y + 40);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    if (await hover.waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false)) return hover.innerText();
    log(`  no hover with "${expect}" yet (attempt ${attempt})`);
  }
  throw new Error(`no hover with "${expect}" over "${word}" within 45s`);
}

/** Runs a command by its palette title (F1, type, Enter). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

module.exports = { uiChecks };
