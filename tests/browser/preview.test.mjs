// Real-browser test of `emnpub preview`: headless Debian Chromium driven by
// playwright-core (both installed by scripts/setup.sh).
//
//   node tests/browser/preview.test.mjs [/path/to/emnpub [/path/to/repo]]
//
// Starts the preview on a temp copy of layouts/ and two samples, opens the
// page, waits until the pages are drawn (canvases with ink on them), edits
// the inform layout (the cover title turns red), waits for the page to
// refresh by itself, checks that the drawn page changed and that the scroll
// position was kept, breaks the layout and checks the error panel shows the
// located message over the last good pages, fixes it, zooms and opens the
// other sample. Screenshots go to tests/artifacts/preview/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(process.argv[3] ?? path.join(here, '..', '..'));
const bin = path.resolve(process.argv[2] ?? path.join(repo, 'build', 'emnpub'));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const artifacts = path.join(repo, 'tests', 'artifacts', 'preview');
const require = createRequire(path.join(repo, 'web', 'package.json'));
const { chromium } = require('playwright-core');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emnpub-preview-browser-'));
const layouts = path.join(tmp, 'layouts');
const samples = path.join(tmp, 'samples');
const informLayout = path.join(layouts, 'inform.xml');
const goodLayout = fs.readFileSync(path.join(repo, 'layouts', 'inform.xml'), 'utf8');

let server;        // the emnpub preview process
let serverLog = '';
let url;
let context;       // Chromium with a fresh profile
let page;
const problems = [];  // errors the page itself reported

// Writes like an editor that saves in place; mtime moves even within one tick.
function save(file, text) {
  fs.writeFileSync(file, text);
  const t = new Date();
  fs.utimesSync(file, t, t);
}

async function shot(name) {
  await page.screenshot({ path: path.join(artifacts, name), fullPage: false });
}

const generation = () => page.evaluate(() => Number(document.body.dataset.pdfGeneration || 0));

// Ink on the first page: how many pixels are not white, and how many are
// clearly red (the title colour the test sets), over the whole canvas.
function inkOnFirstPage() {
  return page.evaluate(() => {
    const c = document.querySelector('.page[data-page="1"] canvas[data-rendered]');
    if (!c || !c.width) return null;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    let red = 0;
    let hash = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (r < 245 || g < 245 || b < 245) ink++;
      if (r > 150 && g < 90 && b < 90) red++;
      hash = (hash * 31 + r + 7 * g + 13 * b) >>> 0;
    }
    return { ink, red, hash, width: c.width, height: c.height };
  });
}

before(async () => {
  assert.ok(fs.existsSync(bin), `emnpub binary not found: ${bin}`);
  assert.ok(fs.existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (scripts/setup.sh installs Debian's chromium)`);
  fs.mkdirSync(artifacts, { recursive: true });
  fs.cpSync(path.join(repo, 'layouts'), layouts, { recursive: true });
  fs.mkdirSync(samples);
  for (const s of ['inform-en.xml', 'bulletin-en.xml'])
    fs.copyFileSync(path.join(repo, 'samples', s), path.join(samples, s));

  server = spawn(bin, ['preview', path.join(samples, 'inform-en.xml'), '--layouts', layouts, '--port', '0',
    '--web-dir', path.join(repo, 'web')], { stdio: ['ignore', 'ignore', 'pipe'] });
  url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start: ${serverLog}`)), 30000);
    server.stderr.on('data', (chunk) => {
      serverLog += chunk;
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serverLog);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`preview exited (${code}): ${serverLog}`)));
  });

  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 800 },
    deviceScaleFactor: 1,
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => {
    // Event streams and aborted PDF loads end this way on navigation; anything else is a problem.
    if (!r.url().endsWith('/events')) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
});

after(async () => {
  await context?.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => {
      const t = setTimeout(() => { server.kill('SIGKILL'); resolve(); }, 5000);
      server.on('exit', () => { clearTimeout(t); resolve(); });
    });
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('emnpub preview in Chromium', { timeout: 90000 }, async (t) => {
  let before;
  let refreshMs;

  await t.test('the pages appear, drawn by pdf.js', async () => {
    await page.goto(url);
    await page.waitForFunction(() => Number(document.body.dataset.pdfGeneration) >= 1, null, { timeout: 20000 });
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-rendered]').length >= 2, null, { timeout: 20000 });
    const pages = await page.locator('.page').count();
    assert.ok(pages >= 2, `expected several pages, got ${pages}`);
    assert.equal(await page.locator('.page[data-page="1"] .number').textContent(), `1 / ${pages}`);
    before = await inkOnFirstPage();
    assert.ok(before && before.ink > 1000, `page 1 looks blank: ${JSON.stringify(before)}`);
    assert.ok(await page.locator('#errors').isHidden(), 'no error panel on a good render');
    const words = await page.locator('.page[data-page="1"] .textLayer').textContent();
    assert.match(words, /Labour migration/, 'the text of page 1 is there to select');
    await shot('01-loaded.png');
  });

  await t.test('a layout edit refreshes the page by itself, keeping the scroll position', async () => {
    await page.evaluate(() => { document.getElementById('pages').scrollTop = 300; });
    await page.waitForTimeout(100);
    const top = await page.evaluate(() => document.getElementById('pages').scrollTop);
    assert.equal(top, 300);
    const g = await generation();
    const saved = Date.now();
    save(informLayout, goodLayout.replace('</layout>', '  <style match="doc-title" color="#CC0000"/>\n</layout>'));
    await page.waitForFunction((g0) => Number(document.body.dataset.pdfGeneration) > g0, g, { timeout: 10000, polling: 20 });
    const { shownAt, announcedAt, timing: inPage } = await page.evaluate(() => ({ ...document.body.dataset }));
    refreshMs = Number(shownAt) - saved;
    const pushedMs = Number(announcedAt) - saved;
    const after = await inkOnFirstPage();
    assert.ok(after, 'page 1 is drawn after the refresh');
    assert.notEqual(after.hash, before.hash, 'page 1 should look different after the edit');
    assert.ok(after.red > 500 && after.red > before.red * 10,
      `the title should now be red: ${before.red} red pixels before, ${after.red} after`);
    const kept = await page.evaluate(() => document.getElementById('pages').scrollTop);
    assert.equal(kept, 300, 'the scroll position is kept');
    await shot('02-refreshed-scrolled.png');
    await page.evaluate(() => { document.getElementById('pages').scrollTop = 0; });
    await page.waitForTimeout(100);
    await shot('03-red-title.png');
    const timing = `save to refreshed page: ${refreshMs} ms (event received after ${pushedMs} ms; fetch, parse, draw: ${inPage} ms)`;
    t.diagnostic(timing);
    assert.ok(refreshMs < 5000, `the refresh took ${refreshMs} ms`);
  });

  await t.test('a broken layout shows the located error over the last good pages', async () => {
    const g = await generation();
    const broken = goodLayout.replace('<style match="body"', '<style match="body" colour="red"');
    const line = broken.split('\n').findIndex((l) => l.includes('colour="red"')) + 1;
    save(informLayout, broken);
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 10000 });
    await page.locator('#errors').waitFor({ state: 'visible' });
    const text = await page.locator('#error-lines').textContent();
    const located = new RegExp(`${informLayout.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: error: .*colour`);
    assert.match(text, located);
    assert.equal(await generation(), g, 'the last good render stays shown');
    assert.ok(await page.locator('canvas[data-rendered]').count() >= 1, 'the pages are still there');
    assert.match(await page.locator('#error-title').textContent(), /last good render/);
    await shot('04-error-panel.png');
  });

  await t.test('fixing the layout clears the panel and renders again', async () => {
    const g = await generation();
    save(informLayout, goodLayout);
    await page.waitForFunction((g0) => document.body.dataset.state === 'ok' && Number(document.body.dataset.pdfGeneration) > g0,
      g, { timeout: 10000 });
    await page.locator('#errors').waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.querySelector('.page[data-page="1"] canvas[data-rendered]'));
    const fixed = await inkOnFirstPage();
    assert.ok(fixed.red < 500, `the title is no longer red (${fixed.red} red pixels)`);
    await shot('05-fixed.png');
  });

  await t.test('zoom in makes the pages larger, fit width brings them back', async () => {
    const width = () => page.locator('.page[data-page="1"] .sheet').evaluate((e) => e.getBoundingClientRect().width);
    const fit = await width();
    await page.click('#zoom-in');
    await page.waitForFunction(() => document.body.dataset.zoom !== 'fit');
    await page.waitForFunction((w) => document.querySelector('.page[data-page="1"] .sheet').getBoundingClientRect().width > w + 10, fit);
    await page.click('#zoom-fit');
    await page.waitForFunction(() => document.body.dataset.zoom === 'fit');
    assert.ok(Math.abs((await width()) - fit) < 2);
  });

  await t.test('the sample selector opens the other sample', async () => {
    const options = await page.locator('#sample option').allTextContents();
    assert.deepEqual(options, ['bulletin-en.xml', 'inform-en.xml']);
    const layoutsListed = await page.locator('#layout option').allTextContents();
    assert.ok(layoutsListed.includes('inform') && layoutsListed.includes('bulletin'), layoutsListed.join(','));
    const g = await generation();
    await page.selectOption('#sample', 'bulletin-en.xml');
    await page.waitForFunction((g0) => Number(document.body.dataset.pdfGeneration) > g0, g, { timeout: 10000 });
    await page.waitForFunction(() => document.querySelector('.page[data-page="1"] canvas[data-rendered]'));
    assert.match(await page.locator('#state').textContent(), /pages · bulletin ·/);
    assert.equal(await page.evaluate(() => document.getElementById('pages').scrollTop), 0, 'another sample opens at the top');
    await shot('06-bulletin.png');
  });

  await t.test('the page reported no errors', () => {
    assert.deepEqual(problems, []);
  });
});
