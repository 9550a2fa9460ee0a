// Filtering, searching, opening events and sharing links, as a person does it.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { newPage, addressSearch, shippedDataset, useBrowserAndSites } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'], subSite: ['dist-subpath', '/mali-timeline'] });

const data = shippedDataset();
const SEED = '2023-07-19-iran-digital-training';

const count = (pred) => data.events.filter(pred).length;
const hasPartner = (codes) => (e) => e.partners.some((p) => codes.includes(p));
const hasSector = (ids) => (e) => e.sectors.some((s) => ids.includes(s));



async function open(path, options) {
  const page = await newPage(env.browser, options);
  await page.goto(env.site.url + path);
  await page.getByTestId('result-count').waitFor();
  return page;
}

async function shown(page) {
  return page.locator('.timeline [data-event-id]').count();
}

async function resultCount(page) {
  return (await page.getByTestId('result-count').textContent()).trim();
}

async function waitForCount(page, n) {
  await page.waitForFunction(
    ([n, total]) => document.querySelector('[data-testid="result-count"]')?.textContent.startsWith(`${n} of ${total}`),
    [n, data.events.length],
  );
}

async function toggle(page, facet, label) {
  const group = page.getByTestId(`facet-${facet}`);
  if (!(await group.evaluate((d) => d.open))) await group.locator('summary').click();
  await group.getByLabel(label, { exact: false }).first().check();
}

test('filtering by partner changes the URL and shrinks the list to the right count', async () => {
  const page = await open('/');
  await toggle(page, 'partner', 'Iran');
  const expected = count(hasPartner(['IRN']));
  await waitForCount(page, expected);
  assert.equal(await addressSearch(page, '?partner=IRN'), '?partner=IRN');
  assert.equal(await shown(page), expected);
  // Adding a second partner shows events of either.
  await toggle(page, 'partner', 'Türkiye');
  const either = count(hasPartner(['IRN', 'TUR']));
  await waitForCount(page, either);
  assert.equal(await addressSearch(page, '?partner=IRN,TUR'), '?partner=IRN,TUR');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two changes in one frame are both written to the address, and Back undoes each', async () => {
  const page = await open('/');
  const group = page.getByTestId('facet-partner');
  await group.locator('summary').click();
  // Both clicks land before the page draws a frame, so the second reads the first's filters
  // before either is in the address.
  await page.evaluate(() => {
    for (const code of ['IRN', 'TUR']) document.querySelector(`[data-testid="facet-partner"] input[value="${code}"]`).click();
  });
  await waitForCount(page, count(hasPartner(['IRN', 'TUR'])));
  assert.equal(await addressSearch(page, '?partner=IRN,TUR'), '?partner=IRN,TUR');
  await page.goBack();
  await waitForCount(page, count(hasPartner(['IRN'])));
  assert.equal(await addressSearch(page, '?partner=IRN'), '?partner=IRN');
  await page.goBack();
  await waitForCount(page, data.events.length);
  assert.equal(await addressSearch(page, ''), '');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('filtering by sector, and by partner and sector together', async () => {
  const page = await open('/');
  await toggle(page, 'sector', 'Mining');
  const mining = count(hasSector(['mining']));
  await waitForCount(page, mining);
  assert.equal(await addressSearch(page, '?sector=mining'), '?sector=mining');
  await toggle(page, 'partner', 'China');
  const both = count((e) => hasPartner(['CHN'])(e) && hasSector(['mining'])(e));
  assert.ok(both > 0 && both < mining);
  await waitForCount(page, both);
  assert.equal(await addressSearch(page, '?partner=CHN&sector=mining'), '?partner=CHN&sector=mining');
  assert.equal(await shown(page), both);
  // The partner counts are those under the sector filter: China's count is `both`.
  const chinaRow = page.getByTestId('facet-partner').locator('li', { hasText: 'China' });
  assert.equal((await chinaRow.locator('.count').textContent()).trim(), String(both));
  await page.context().close();
});

test('search results follow each keystroke; the address follows once typing pauses', async () => {
  const page = await open('/');
  const box = page.getByTestId('search');
  await box.waitFor();
  const total = data.events.length;
  // A keystroke, then a look before any timer can run: the count is already the search's, the
  // address not yet.
  const seen = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="search"]');
    input.value = 'lithium';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { count: document.querySelector('[data-testid="result-count"]').textContent.trim(), search: location.search };
  });
  assert.equal(seen.search, '');
  const n = Number(seen.count.split(' ')[0]);
  assert.ok(n > 0 && n < total, seen.count);
  assert.equal(await addressSearch(page, '?q=lithium'), '?q=lithium');
  assert.equal(await resultCount(page), seen.count);
  assert.equal(await box.inputValue(), 'lithium');
  // A space typed last stays in the field when the text, without it, goes to the address.
  await box.fill('lithium mine');
  assert.equal(await addressSearch(page, '?q=lithium%20mine'), '?q=lithium%20mine');
  await box.fill('lithium ');
  assert.equal(await addressSearch(page, '?q=lithium'), '?q=lithium');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  assert.equal(await box.inputValue(), 'lithium ');
  await box.press('m');
  assert.equal(await box.inputValue(), 'lithium m');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Back while typing shows the previous view and drops what was typed', async () => {
  const page = await open('/?partner=IRN');
  await toggle(page, 'partner', 'Türkiye');
  assert.equal(await addressSearch(page, '?partner=IRN,TUR'), '?partner=IRN,TUR');
  // A keystroke, and Back before typing pauses.
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid="search"]');
    input.value = 'zzzz';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    history.back();
  });
  await waitForCount(page, count(hasPartner(['IRN'])));
  // Past the pause, the address is still the previous view's, and so is the field.
  await page.waitForTimeout(400);
  assert.equal(new URL(page.url()).search, '?partner=IRN');
  assert.equal(await page.getByTestId('search').inputValue(), '');
  await waitForCount(page, count(hasPartner(['IRN'])));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('search finds words with or without accents, in either language, and marks them', async () => {
  const page = await open('/');
  await page.getByTestId('search').fill('Ilyène');
  await page.waitForFunction(() => location.search.startsWith('?q=Ily'));
  await page.locator(`.timeline [data-event-id="${SEED}"]`).waitFor();
  const withAccents = await resultCount(page);
  await page.getByTestId('search').fill('ilyene');
  await page.waitForFunction(() => location.search === '?q=ilyene');
  await page.locator(`.timeline [data-event-id="${SEED}"]`).waitFor();
  assert.equal(await resultCount(page), withAccents);
  const marked = await page.locator(`.timeline [data-event-id="${SEED}"] mark`).allTextContents();
  assert.ok(marked.includes('Ilyène'), JSON.stringify(marked));
  // A French word with its accents left out finds events while the interface is in English.
  await page.getByTestId('search').fill('teheran');
  await page.waitForFunction(() => location.search === '?q=teheran');
  await page.waitForFunction(() => !document.querySelector('[data-testid="result-count"]').textContent.startsWith('0 '));
  const n = Number((await resultCount(page)).split(' ')[0]);
  assert.ok(n > 0 && n < data.events.length);
  // Typing replaces the history entry instead of pushing one per keystroke.
  await page.goBack();
  await page.waitForFunction(() => location.search === '');
  await page.context().close();
});

test('opening an event keeps the filters; reload keeps it open; Back returns', async () => {
  const page = await open('/?partner=IRN');
  await page.locator(`.timeline [data-event-id="${SEED}"] a`).first().click();
  const detail = page.getByTestId('event-detail');
  await detail.waitFor();
  let url = new URL(page.url());
  assert.equal(url.pathname, `/events/${SEED}`);
  assert.equal(url.search, '?partner=IRN');
  assert.equal(await shown(page), count(hasPartner(['IRN'])));
  assert.ok((await page.title()).includes('Iran'));
  await page.reload();
  await detail.waitFor();
  assert.equal(await detail.getAttribute('data-event-id'), SEED);
  assert.equal(await shown(page), count(hasPartner(['IRN'])));
  await page.goBack();
  await page.waitForFunction(() => location.pathname === '/');
  await page.waitForSelector('[data-testid="event-detail"]', { state: 'detached' });
  url = new URL(page.url());
  assert.equal(url.search, '?partner=IRN');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Back and Forward step through filter toggles', async () => {
  const page = await open('/');
  await toggle(page, 'partner', 'Iran');
  await page.waitForFunction(() => location.search === '?partner=IRN');
  await toggle(page, 'kind', 'Visit');
  await page.waitForFunction(() => location.search === '?partner=IRN&kind=visit');
  await waitForCount(page, count((e) => e.partners.includes('IRN') && e.kind === 'visit'));
  await page.goBack();
  await waitForCount(page, count(hasPartner(['IRN'])));
  await page.goBack();
  await waitForCount(page, data.events.length);
  await page.goForward();
  await waitForCount(page, count(hasPartner(['IRN'])));
  await page.context().close();
});

test('a deep link to an event far down the list scrolls to it and highlights it', async () => {
  const oldest = data.events.reduce((a, b) => (a.date <= b.date ? a : b));
  const page = await open(`/events/${oldest.id}`);
  await page.getByTestId('event-detail').waitFor();
  const card = page.locator(`.timeline [data-event-id="${oldest.id}"]`);
  await page.waitForFunction(
    (id) => {
      const el = document.querySelector(`.timeline [data-event-id="${id}"]`);
      const r = el.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    },
    oldest.id,
  );
  assert.match(await card.getAttribute('class'), /selected/);
  // The open event stays in view beside the timeline on a wide screen.
  const box = await page.getByTestId('event-detail').boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900 && box.x > 600, JSON.stringify(box));
  await page.context().close();
});

test('the sort toggle, the date range and clear all', async () => {
  const page = await open('/');
  const newest = await page.locator('.timeline [data-event-id]').first().getAttribute('data-event-id');
  await page.getByTestId('sort').click();
  await page.waitForFunction(() => location.search === '?sort=asc');
  const oldest = await page.locator('.timeline [data-event-id]').first().getAttribute('data-event-id');
  assert.notEqual(newest, oldest);
  assert.ok(data.events.find((e) => e.id === oldest).date <= data.events.find((e) => e.id === newest).date);
  await page.getByTestId('from-year').selectOption('2022');
  await page.getByTestId('to-year').selectOption('2022');
  await page.waitForFunction(() => location.search === '?from=2022&to=2022&sort=asc');
  await waitForCount(page, count((e) => e.date.startsWith('2022') || (e.end_date && e.date < '2022' && e.end_date >= '2022')));
  await page.getByTestId('clear-all').click();
  await page.waitForFunction(() => location.search === '?sort=asc');
  await waitForCount(page, data.events.length);
  await page.context().close();
});

test('unknown and malformed query values are dropped from the address', async () => {
  const page = await open('/?partner=XXX,IRN&sector=nope&kind=coup&from=2024-13&foo=bar');
  await page.waitForFunction(() => location.search === '?partner=IRN');
  await waitForCount(page, count(hasPartner(['IRN'])));
  await page.context().close();
});

test('an empty result says which filter to relax', async () => {
  const page = await open('/?partner=IRN&q=lithium');
  const empty = page.getByTestId('empty-state');
  await empty.waitFor();
  const text = await empty.textContent();
  assert.match(text, /Remove the partner filter to see \d+ events/);
  await empty.getByRole('link', { name: /partner filter/ }).click();
  await page.waitForFunction(() => location.search === '?q=lithium');
  assert.ok((await shown(page)) > 0);
  await page.context().close();
});

test('a filtered deep link reloads under a sub-path', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.subSite.url}/events/${SEED}?partner=IRN&sort=asc`);
  await page.getByTestId('event-detail').waitFor();
  await page.reload();
  await page.getByTestId('event-detail').waitFor();
  assert.equal(await shown(page), count(hasPartner(['IRN'])));
  const url = new URL(page.url());
  assert.equal(url.pathname, `/mali-timeline/events/${SEED}`);
  assert.equal(url.search, '?partner=IRN&sort=asc');
  // Links made by the app stay under the sub-path and keep the filters.
  const back = page.getByTestId('close-detail');
  assert.equal(new URL(await back.evaluate((a) => a.href)).pathname, '/mali-timeline/');
  await back.click();
  await page.waitForFunction(() => location.pathname === '/mali-timeline/' && location.search === '?partner=IRN&sort=asc');
  await page.context().close();
});

test('a phone-width screen has no horizontal scroll and a collapsible filter panel', async () => {
  const page = await open(`/events/${SEED}?partner=IRN`, { viewport: { width: 375, height: 800 } });
  await page.getByTestId('event-detail').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await page.getByTestId('close-detail').click();
  await page.waitForSelector('[data-testid="event-detail"]', { state: 'detached' });
  const panel = page.locator('#filters-panel');
  assert.equal(await panel.isVisible(), false);
  await page.getByRole('button', { name: /Filters/ }).click();
  assert.equal(await panel.isVisible(), true);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0);
  await page.context().close();
});

test('Copy link puts the address of the open event on the clipboard', async () => {
  const page = await open(`/events/${SEED}?partner=IRN`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.url });
  await page.getByTestId('copy-link').click();
  await page.getByText('Link copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${env.site.url}/events/${SEED}?partner=IRN`);
  await page.context().close();
});
