// The first screen index.html carries: the newest events as plain HTML, shown before the app's
// code has downloaded, then replaced by the app's own page without anything moving.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { newPage, shippedDataset, useBrowserAndSites, ROOT } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'], subSite: ['dist-subpath', '/mali-timeline'] });
const data = shippedDataset();
const SEED = '2023-07-19-iran-digital-training';

/** The ids of the cards in an HTML text, in order. */
const cardIds = (html) => [...html.matchAll(/<article [^>]*data-event-id="([^"]+)"/g)].map((m) => m[1]);

/** Holds back the answers to requests matching `pattern` until the returned function is called. */
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** In the page, from navigation: each animation frame's first card on screen and who drew it. */
function recordFrames() {
  window.frames_ = [];
  const look = () => {
    const visible = [...document.querySelectorAll('.timeline [data-event-id]')].filter(
      (card) => card.getBoundingClientRect().height > 0,
    );
    const first = visible[0];
    const box = first && first.getBoundingClientRect();
    window.frames_.push({
      card: first ? first.dataset.eventId : null,
      top: box ? Math.round(box.top) : null,
      left: box ? Math.round(box.left) : null,
      fromIndex: first ? Boolean(first.closest('[data-prerendered]')) : null,
      indexShown: [...document.querySelectorAll('[data-prerendered]')].some((e) => e.getBoundingClientRect().height > 0),
      app: Boolean(document.querySelector('[data-testid="result-count"]')),
      cards: visible.length,
    });
    if (window.frames_.length < 2000) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

test('index.html carries the newest events as text; without JavaScript they still show', async () => {
  const html = fs.readFileSync(path.join(ROOT, 'dist', 'index.html'), 'utf8');
  const ids = cardIds(html);
  assert.equal(ids.length, 24, 'the first page of the timeline');
  assert.equal(cardIds(fs.readFileSync(path.join(ROOT, 'dist', '404.html'), 'utf8')).length, 0, '404.html serves other addresses');
  const block = html.slice(html.indexOf('<!-- prerendered first screen -->'), html.indexOf('<!-- /prerendered first screen -->'));
  assert.ok(!/<script/i.test(block) && !/\son\w+=/i.test(block), 'no script in the first screen');
  assert.ok(!block.includes('data-testid'), 'no test id: those name the app\'s live controls');

  // The same events, in the same words, as the app draws once it runs.
  const page = await newPage(env.browser);
  await page.goto(env.site.url + '/');
  await page.getByTestId('result-count').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.timeline [data-event-id]').length >= 24);
  const app = await page.locator('.timeline [data-event-id]').evaluateAll((cards) =>
    cards.slice(0, 24).map((c) => ({ id: c.dataset.eventId, text: c.textContent })),
  );
  assert.deepEqual(ids, app.map((c) => c.id));
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the app removed the first screen');
  assert.equal(await page.locator('#main').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // A browser without JavaScript shows those cards, with the note that the rest needs it.
  const still = await newPage(env.browser, { javaScriptEnabled: false });
  await still.goto(env.site.url + '/');
  const cards = still.locator('.timeline [data-event-id]');
  assert.equal(await cards.count(), 24);
  assert.equal(await cards.first().textContent(), app[0].text);
  assert.ok(await cards.first().isVisible());
  assert.match(await still.locator('body').innerText(), /needs JavaScript/);
  await still.context().close();

  // Under a sub-path, the links of the first screen stay under it.
  const sub = fs.readFileSync(path.join(ROOT, 'dist-subpath', 'index.html'), 'utf8');
  const hrefs = [...sub.matchAll(/<h3 class="event-title"[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(hrefs.length, 24);
  assert.ok(hrefs.every((h) => h.startsWith('/mali-timeline/events/')), hrefs[0]);
});

test('the app takes the place of the first screen: nothing moves, no frame goes blank', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 667 }]) {
    const page = await newPage(env.browser, { viewport });
    await page.addInitScript(recordFrames);
    await page.goto(env.site.url + '/');
    await page.getByTestId('facet-partner').waitFor({ state: 'attached' });
    await page.waitForTimeout(100);
    const frames = await page.evaluate(() => window.frames_);
    const shown = frames.findIndex((f) => f.card);
    assert.ok(shown >= 0, `${viewport.width} px: a card was shown`);
    const first = frames[shown];
    assert.equal(first.fromIndex, true, `${viewport.width} px: the first card shown comes from index.html`);
    const later = frames.slice(shown);
    const moved = later.filter((f) => f.card !== first.card || f.top !== first.top || f.left !== first.left);
    assert.deepEqual(moved, [], `${viewport.width} px: every later frame shows the same first card in the same place`);
    const takeover = later.find((f) => !f.indexShown);
    assert.ok(takeover, `${viewport.width} px: the app took over`);
    assert.equal(takeover.app, true, `${viewport.width} px: the first frame without the first screen is the app's page`);
    assert.ok(takeover.cards >= first.cards, `${viewport.width} px: the app draws at once as many cards (${takeover.cards}) as the first screen showed (${first.cards})`);
    assert.ok(later.every((f) => f.indexShown || f.app), `${viewport.width} px: no frame between the two`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a reader who scrolled the first screen keeps their place when the app takes over', async () => {
  const page = await newPage(env.browser);
  // The app's code is held back until the reader has scrolled.
  const release = await holdBack(page, '**/*.wasm');
  await page.goto(env.site.url + '/', { waitUntil: 'commit' });
  await page.locator('[data-prerendered] .timeline [data-event-id]').nth(10).waitFor();
  await page.locator('[data-prerendered] .timeline [data-event-id]').nth(10).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(200);
  const atTop = () =>
    page.evaluate(() => {
      const card = [...document.querySelectorAll('.timeline [data-event-id]')].find((c) => {
        const box = c.getBoundingClientRect();
        return box.height > 0 && box.bottom > 0;
      });
      return { id: card.dataset.eventId, top: Math.round(card.getBoundingClientRect().top), y: Math.round(scrollY) };
    });
  const before = await atTop();
  assert.ok(before.y > 1000, `scrolled to ${before.y}`);
  assert.equal(await page.getByTestId('result-count').count(), 0, 'the app has not started');
  release();
  await page.getByTestId('result-count').waitFor();
  assert.equal(await page.locator('[data-prerendered]').count(), 0);
  assert.deepEqual(await atTop(), before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('any other address never shows the first screen', async () => {
  const seed = data.events.find((e) => e.id === SEED);
  const cases = [
    ['/?partner=IRN', {}, async (page) => page.waitForFunction(() => /^\d+ of \d+ events/.test(document.querySelector('[data-testid="result-count"]')?.textContent || ''))],
    ['/?lang=fr', {}, async (page) => page.waitForFunction(() => /événements/.test(document.querySelector('[data-testid="result-count"]')?.textContent || ''))],
    ['/', { locale: 'fr-FR' }, async (page) => page.waitForFunction(() => /événements/.test(document.querySelector('[data-testid="result-count"]')?.textContent || ''))],
    [`/events/${SEED}`, {}, async (page) => page.getByTestId('event-detail').getByText(seed.title.en).waitFor()],
  ];
  for (const [address, options, ready] of cases) {
    const page = await newPage(env.browser, options);
    await page.addInitScript(recordFrames);
    await page.goto(env.site.url + address);
    await ready(page);
    const frames = await page.evaluate(() => window.frames_);
    assert.deepEqual(frames.filter((f) => f.indexShown), [], `${address} ${JSON.stringify(options)}: no frame shows it`);
    assert.equal(await page.locator('[data-prerendered]').count(), 0, address);
    assert.equal(await page.locator('#main').count(), 1, address);
    assert.deepEqual(page.problems, [], address);
    await page.context().close();
  }
});

test('while the events download, the first screen stays; the app\'s page replaces it once they are read', async () => {
  const page = await newPage(env.browser);
  const release = await holdBack(page, '**/data/events.json');
  await page.addInitScript(recordFrames);
  await page.goto(env.site.url + '/', { waitUntil: 'commit' });
  // The app has started (its shell is in the page, hidden) while the file is held.
  await page.waitForFunction(() => document.querySelector('[data-testid="loading"]'));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-prerendered] .timeline [data-event-id]').first().isVisible(), true);
  assert.equal(await page.getByTestId('loading').isVisible(), false, 'the app\'s loading line stays hidden');
  release();
  await page.getByTestId('result-count').waitFor();
  await page.waitForTimeout(100);
  const frames = await page.evaluate(() => window.frames_);
  const shown = frames.findIndex((f) => f.card);
  assert.deepEqual(frames.slice(shown).filter((f) => !f.card), [], 'no frame without a card');
  assert.equal(await page.locator('[data-prerendered]').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
