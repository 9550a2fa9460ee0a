// The pages written at build time: every address a real page, readable without JavaScript and by
// crawlers, shown before the app's code has downloaded, then replaced by the app's own page
// without anything moving.
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
    // The first card the reader sees: cards drawn above the view do not count.
    const first = visible.find((card) => card.getBoundingClientRect().bottom > 0);
    const box = first && first.getBoundingClientRect();
    window.frames_.push({
      card: first ? first.dataset.eventId : null,
      top: box ? Math.round(box.top) : null,
      left: box ? Math.round(box.left) : null,
      fromIndex: first ? Boolean(first.closest('[data-prerendered]')) : null,
      indexShown: [...document.querySelectorAll('[data-prerendered]')].some((e) => e.getBoundingClientRect().height > 0),
      app: Boolean(document.querySelector('[data-testid="result-count"]')),
      cards: visible.length,
      detail: (() => {
        const title = [...document.querySelectorAll('.detail-panel h2')].find((h) => h.getBoundingClientRect().height > 0);
        return title ? Math.round(title.getBoundingClientRect().top) : null;
      })(),
    });
    if (window.frames_.length < 2000) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

const read = (...parts) => fs.readFileSync(path.join(ROOT, ...parts), 'utf8');
const BLOCK = ['<!-- page written at build time -->', '<!-- /page written at build time -->'];
const block = (html) => html.slice(html.indexOf(BLOCK[0]), html.indexOf(BLOCK[1]));
const meta = (html, key, name) => {
  const m = html.match(new RegExp(`<meta ${key}="${name}" content="([^"]*)"`));
  return m && m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
};

test('index.html carries the newest events as text; without JavaScript they still show, with every event as a link', async () => {
  const html = read('dist', 'index.html');
  const ids = cardIds(block(html));
  assert.equal(ids.length, 24, 'the first page of the timeline');
  assert.equal(cardIds(read('dist', '404.html')).length, 0, '404.html serves other addresses');
  assert.ok(!/<script/i.test(block(html)) && !/\son\w+=/i.test(block(html)), 'no script in the written page');
  assert.ok(!block(html).includes('data-testid'), 'no test id: those name the app\'s live controls');

  // The same events, in the same words, as the app draws once it runs.
  const page = await newPage(env.browser);
  await page.goto(env.site.url + '/');
  await page.getByTestId('result-count').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.timeline [data-event-id]').length >= 24);
  const app = await page.locator('.timeline [data-event-id]').evaluateAll((cards) =>
    cards.slice(0, 24).map((c) => ({ id: c.dataset.eventId, text: c.textContent })),
  );
  assert.deepEqual(ids, app.map((c) => c.id));
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the app removed the written page');
  assert.equal(await page.locator('#main').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // A browser without JavaScript shows those cards with their counts and filters, and every
  // event as a link.
  const still = await newPage(env.browser, { javaScriptEnabled: false });
  await still.goto(env.site.url + '/');
  const cards = still.locator('.timeline [data-event-id]');
  assert.equal(await cards.count(), 24);
  assert.equal(await cards.first().textContent(), app[0].text);
  assert.ok(await cards.first().isVisible());
  assert.match(await still.locator('main').innerText(), new RegExp(`${data.events.length} of ${data.events.length} events`));
  assert.match(await still.locator('.filters').innerText(), /Russia\s+\d+/);
  const index = still.getByRole('navigation', { name: 'All events' });
  assert.equal(await index.getByRole('link').count(), data.events.length);
  await index.getByRole('link', { name: data.events.find((e) => e.id === SEED).title.en }).click();
  await still.waitForURL(`**/events/${SEED}`);
  assert.ok((await still.locator('main').innerText()).includes('19 July 2023'));
  await still.context().close();

  // Under a sub-path, the links of the written pages stay under it.
  const sub = read('dist-subpath', 'index.html');
  const hrefs = [...block(sub).matchAll(/<h3 [^>]*class="event-title"[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(hrefs.length, 24);
  assert.ok(hrefs.every((h) => h.startsWith('/mali-timeline/events/')), hrefs[0]);
  const subEvent = read('dist-subpath', 'fr', 'events', `${SEED}.html`);
  assert.match(subEvent, /<link rel="canonical" href="[^"]*\/mali-timeline\/fr\/events\/2023-07-19-iran-digital-training"/);
});

test('each event is a page of its own, in English and French, that reads fully without JavaScript', async () => {
  const seed = data.events.find((e) => e.id === SEED);
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'events', `${SEED}.html`)));
  for (const event of data.events) {
    for (const prefix of ['', 'fr/']) {
      assert.ok(fs.existsSync(path.join(ROOT, 'dist', `${prefix}events`, `${event.id}.html`)), `${prefix}${event.id}`);
    }
  }
  for (const [lang, prefix, when, label] of [['en', '', '19 July 2023', 'Sources'], ['fr', '/fr', '19 juillet 2023', 'Sources']]) {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    const answer = await page.goto(`${env.site.url}${prefix}/events/${SEED}`);
    assert.equal(answer.status(), 200, 'a real page, not the 404 fallback');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const detail = page.locator('.detail-panel');
    assert.equal(await detail.locator('h2').first().textContent(), seed.title[lang]);
    const text = await detail.innerText();
    assert.ok(text.includes(when), `${lang}: the date at its precision`);
    assert.ok(text.includes(seed.summary[lang].slice(0, 60)), `${lang}: the summary`);
    assert.ok(text.includes('Iran'), `${lang}: the partner`);
    assert.ok(text.includes(label));
    const sources = await detail.locator('a[href^="https://"]').evaluateAll((links) => links.map((a) => a.href));
    for (const source of seed.sources) assert.ok(sources.includes(source.url), `${lang}: ${source.url} is a link`);
    // Related events are links to their own pages, in the same language.
    const withRelated = data.events.find((e) => (e.related || []).length > 0);
    await page.goto(`${env.site.url}${prefix}/events/${withRelated.id}`);
    const related = await page.locator('.detail-panel a[href*="/events/"]').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
    for (const id of withRelated.related) assert.ok(related.includes(`${prefix}/events/${id}`), `${lang}: related ${id} in ${related}`);
    await page.context().close();
  }
});

test('each page\'s head tells link previews, search engines and reference managers what it is', () => {
  const seed = data.events.find((e) => e.id === SEED);
  for (const [lang, file, locale] of [['en', ['dist', 'events', `${SEED}.html`], 'en_GB'], ['fr', ['dist', 'fr', 'events', `${SEED}.html`], 'fr_FR']]) {
    const html = read(...file);
    const head = html.slice(0, html.indexOf('</head>'));
    assert.match(head, new RegExp(`<html lang="${lang}">`));
    const title = head.match(/<title>([^<]*)<\/title>/)[1].replace(/&#39;|&apos;/g, "'");
    assert.ok(title.startsWith(seed.title[lang]), title);
    assert.equal(head.match(/<title>/g).length, 1, 'one title');
    assert.equal(head.match(/<meta name="description"/g).length, 1, 'one description');
    assert.ok(seed.summary[lang].startsWith(meta(head, 'name', 'description').replace(/…$/, '')));
    const path = `${lang === 'fr' ? '/fr' : ''}/events/${SEED}`;
    assert.match(head, new RegExp(`<link rel="canonical" href="https?://[^"]+${path}"`));
    for (const code of ['en', 'fr', 'x-default']) assert.match(head, new RegExp(`<link rel="alternate" hreflang="${code}" href="https?://[^"]+/events/${SEED}"`));
    assert.equal(meta(head, 'property', 'og:title'), seed.title[lang]);
    assert.equal(meta(head, 'property', 'og:type'), 'article');
    assert.equal(meta(head, 'property', 'og:locale'), locale);
    assert.ok(meta(head, 'property', 'og:url').endsWith(path));
    assert.ok(meta(head, 'property', 'og:site_name'));
    assert.ok(meta(head, 'property', 'og:description'));
    assert.equal(meta(head, 'name', 'twitter:card'), 'summary');
    assert.equal(meta(head, 'name', 'citation_title'), seed.title[lang]);
    assert.equal(meta(head, 'name', 'citation_date'), '2023/07/19');
    assert.equal(meta(head, 'name', 'citation_language'), lang);
    assert.ok(meta(head, 'name', 'citation_publisher'));
    assert.ok(meta(head, 'name', 'citation_public_url').endsWith(path));
  }
  // The sitemap lists every page in both languages (the timeline, the changelog and each
  // event); robots.txt names it.
  const sitemap = read('dist', 'sitemap.xml');
  assert.equal((sitemap.match(/<url>/g) || []).length, 2 * (data.events.length + 2));
  assert.ok(sitemap.includes('/fr/changelog</loc>'));
  assert.ok(sitemap.includes(`/fr/events/${SEED}</loc>`));
  assert.match(read('dist', 'robots.txt'), /^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  // A page for a month-precise event cites the month only.
  const byMonth = data.events.find((e) => e.date.length === 7);
  assert.equal(meta(read('dist', 'events', `${byMonth.id}.html`), 'name', 'citation_date'), byMonth.date.replace('-', '/'));
});

test('the app takes the place of a written page: nothing moves, no frame goes blank', async () => {
  for (const [address, viewport] of [['/', { width: 1280, height: 900 }], ['/', { width: 375, height: 667 }], ['/fr/', { width: 1280, height: 900 }], [`/events/${SEED}`, { width: 1280, height: 900 }]]) {
    const page = await newPage(env.browser, { viewport });
    await page.addInitScript(recordFrames);
    await page.goto(env.site.url + address);
    await page.getByTestId('facet-partner').waitFor({ state: 'attached' });
    await page.waitForTimeout(100);
    const frames = await page.evaluate(() => window.frames_);
    // On an event's page the reader looks at the event; on the timeline, at the first card. A
    // page still arriving can be drawn before its end is read: on an event's page the list may
    // show a frame before the event does, so what the reader looks at is there from that frame.
    const onEvent = address.includes('/events/');
    const shown = frames.findIndex((f) => f.card && (!onEvent || f.detail !== null));
    assert.ok(shown >= 0, `${address} ${viewport.width} px: a card was shown`);
    const first = frames[shown];
    assert.equal(first.fromIndex, true, `${address} ${viewport.width} px: the first card shown comes from the written page`);
    const later = frames.slice(shown);
    const moved = onEvent
      ? later.filter((f) => f.detail !== first.detail)
      : later.filter((f) => f.card !== first.card || f.top !== first.top || f.left !== first.left);
    assert.deepEqual(moved, [], `${address} ${viewport.width} px: every later frame shows what the reader looks at in the same place`);
    const takeover = later.find((f) => !f.indexShown);
    assert.ok(takeover, `${address} ${viewport.width} px: the app took over`);
    assert.equal(takeover.app, true, `${address} ${viewport.width} px: the first frame without the written page is the app's page`);
    assert.ok(takeover.cards >= first.cards, `${address} ${viewport.width} px: the app draws at once as many cards (${takeover.cards}) as the written page showed (${first.cards})`);
    assert.ok(later.every((f) => f.indexShown || f.app), `${address} ${viewport.width} px: no frame between the two`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a reader who scrolled the written page keeps their place when the app takes over', async () => {
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

test('an address that a written page does not show never shows it', async () => {
  const seed = data.events.find((e) => e.id === SEED);
  const cases = [
    ['/?partner=IRN', {}, async (page) => page.waitForFunction(() => /^\d+ of \d+ events/.test(document.querySelector('[data-testid="result-count"]')?.textContent || ''))],
    ['/?lang=fr', {}, async (page) => page.waitForFunction(() => /événements/.test(document.querySelector('[data-testid="result-count"]')?.textContent || ''))],
    ['/', { locale: 'fr-FR' }, async (page) => page.waitForFunction(() => /événements/.test(document.querySelector('[data-testid="result-count"]')?.textContent || ''))],
    [`/events/${SEED}?partner=IRN`, {}, async (page) => page.getByTestId('event-detail').getByText(seed.title.en).waitFor()],
    [`/events/${SEED}`, { locale: 'fr-FR' }, async (page) => page.getByTestId('event-detail').getByText(seed.title.fr).waitFor()],
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

test('while the events download, the written page stays; the app\'s page replaces it once they are read', async () => {
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
