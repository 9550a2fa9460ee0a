// What a person sees when they open the app, follow a deep link, and reload it.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { newPage, shippedDataset, useBrowserAndSites } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'], subSite: ['dist-subpath', '/mali-timeline'] });

const SEED = '2023-07-19-iran-digital-training';
const data = shippedDataset();
const seed = data.events.find((e) => e.id === SEED);



test('the timeline shows every event of the shipped dataset', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.site.url + '/');
  await page.getByTestId('result-count').waitFor();
  // The first events are drawn at once; "Show more" draws the rest.
  const first = await page.locator('.timeline [data-event-id]').count();
  assert.ok(first > 0 && first <= data.events.length, `${first}`);
  while (await page.getByTestId('load-more').count()) {
    await page.getByTestId('load-more').click();
  }
  assert.equal(await page.locator('.timeline [data-event-id]').count(), data.events.length);
  const count = await page.getByTestId('result-count').textContent();
  assert.match(count, new RegExp(`^${data.events.length} of ${data.events.length} events`));
  const card = page.locator(`[data-event-id="${SEED}"]`);
  const cardText = await card.textContent();
  assert.ok(cardText.includes('19 July 2023'), cardText);
  assert.ok(cardText.includes(seed.title.en), cardText);
  assert.ok(cardText.includes('Iran'), cardText);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the events file is downloaded once, from the path the app is served under', async () => {
  for (const [site, prefix] of [[env.site, ''], [env.subSite, '/mali-timeline']]) {
    const page = await newPage(env.browser);
    const requested = [];
    page.on('request', (request) => {
      if (request.url().endsWith('events.json')) requested.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.url}/`);
    await page.getByTestId('result-count').waitFor();
    assert.deepEqual(requested, [`${prefix}/data/events.json`]);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a deep link opens its event and survives a reload', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.site.url}/events/${SEED}`);
  const detail = page.getByTestId('event-detail');
  await detail.waitFor();
  assert.equal(await detail.locator('h2').textContent(), seed.title.en);
  assert.ok((await page.title()).startsWith(seed.title.en));
  const links = await detail.locator('[data-testid="sources"] a').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(links, seed.sources.map((s) => s.url));
  await page.reload();
  await detail.waitFor();
  assert.equal(await detail.locator('h2').textContent(), seed.title.en);
  assert.equal(new URL(page.url()).pathname, `/events/${SEED}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an unknown event id says so and links back to the timeline', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.site.url}/events/no-such-event`);
  const message = page.getByTestId('event-not-found');
  await message.waitFor();
  assert.match(await message.textContent(), /does not exist/);
  await message.getByRole('link').click();
  await page.waitForFunction(() => location.pathname === '/');
  assert.equal(await page.getByTestId('event-not-found').count(), 0);
  await page.context().close();
});

test('under a sub-path, the data loads and a deep link survives a reload', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.subSite.url}/events/${SEED}`);
  const detail = page.getByTestId('event-detail');
  await detail.waitFor();
  assert.equal(await detail.locator('h2').textContent(), seed.title.en);
  await page.reload();
  await detail.waitFor();
  const back = detail.getByRole('link', { name: 'Back to the timeline' });
  assert.equal(new URL(await back.evaluate((a) => a.href)).pathname, '/mali-timeline/');
  await back.click();
  await page.waitForSelector('[data-event-id]');
  assert.equal(new URL(page.url()).pathname, '/mali-timeline/');
  assert.match(await page.getByTestId('result-count').textContent(), new RegExp(`^${data.events.length} of `));
  await page.context().close();
});

test('an address that names no page says so, in the language asked for, with a way back', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.site.url}/no/such/page?lang=fr`);
  const message = page.getByTestId('not-found');
  await message.waitFor();
  assert.match(await message.textContent(), /Cette page n'existe pas/);
  await message.getByRole('link').click();
  await page.waitForFunction(() => location.pathname === '/' && location.search === '?lang=fr');
  await page.waitForSelector('.timeline [data-event-id]');
  await page.context().close();
});

// The app's own first frame, at an address that no written page shows (written-pages.test.cjs
// follows those pages).
test('the app\'s first frame shows the timeline; the filters follow without moving it', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 667 }]) {
    const page = await newPage(env.browser, { viewport });
    // In each frame until the first card is laid out: where it is, and whether filters exist.
    await page.addInitScript(() => {
      const look = () => {
        const card = document.querySelector('.timeline [data-event-id]');
        if (card && card.getBoundingClientRect().height > 0) {
          const box = card.getBoundingClientRect();
          const cards = document.querySelectorAll('.timeline [data-event-id]');
          window.firstFrame = {
            top: box.top,
            left: box.left,
            width: box.width,
            filters: document.querySelectorAll('[data-testid^="facet-"]').length,
            cards: cards.length,
            lastBottom: cards[cards.length - 1].getBoundingClientRect().bottom,
          };
          return;
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(env.site.url + '/?lang=en');
    await page.waitForFunction(() => window.firstFrame);
    await page.getByTestId('facet-partner').waitFor({ state: 'attached' });
    const first = await page.evaluate(() => window.firstFrame);
    assert.equal(first.filters, 0, `${viewport.width} px: the first frame lays out the list alone`);
    // A screenful of cards, not the whole first page: the window is filled to its bottom.
    assert.ok(first.lastBottom >= viewport.height, `${viewport.width} px: ${first.cards} cards end at ${first.lastBottom}`);
    assert.ok(first.cards < 24, `${viewport.width} px: ${first.cards} cards in the first frame`);
    // More are drawn as the reader scrolls to the end of the drawn part, below what was drawn.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction((n) => document.querySelectorAll('.timeline [data-event-id]').length > n, first.cards);
    await page.evaluate(() => window.scrollTo(0, 0));
    const now = await page.locator('.timeline [data-event-id]').first().evaluate((card) => {
      const box = card.getBoundingClientRect();
      return { top: box.top, left: box.left, width: box.width };
    });
    assert.deepEqual(
      { top: now.top, left: now.left, width: now.width },
      { top: first.top, left: first.left, width: first.width },
      `${viewport.width} px: the first card stays where it was drawn`,
    );
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
