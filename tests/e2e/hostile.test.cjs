// Broken data and hostile links: a clear sentence every time, nothing lost, nothing executed.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { newPage, openWithData, shippedDataset, useBrowserAndSites } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'] });

const data = shippedDataset();
const total = data.events.length;



/** Opens `path` with the data file answered by `answer(route)`. */
const openWith = (path, answer) => openWithData(env.browser, env.site.url + path, answer);

const json = (body) => (route) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) });

async function loadError(page) {
  const error = page.getByTestId('load-error');
  await error.waitFor();
  return (await error.textContent()).replace(/\s+/g, ' ');
}

async function noHarm(page) {
  assert.deepEqual(page.dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
}

test('a network failure says so, and Retry loads the events', async () => {
  let fail = true;
  const page = await openWith('/', (route) => (fail ? route.abort('connectionrefused') : route.continue()));
  assert.match(await loadError(page), /could not be downloaded.*Check your connection/);
  page.problems.length = 0;
  fail = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.waitForSelector('.timeline [data-event-id]');
  assert.match(await page.getByTestId('result-count').textContent(), new RegExp(`^${total} of ${total} events`));
});

test('an HTTP error names the status', async () => {
  const page = await openWith('/', (route) => route.fulfill({ status: 503, body: 'down' }));
  assert.match(await loadError(page), /answered 503/);
  assert.ok(await page.getByRole('button', { name: 'Retry' }).isVisible());
});

test('an empty file says it is empty', async () => {
  const page = await openWith('/', json(''));
  assert.match(await loadError(page), /The data file is empty\./);
});

test('a file that is not JSON gives the line and column', async () => {
  const page = await openWith('/', json('{\n  "version": 1,\n  oops\n}'));
  assert.match(await loadError(page), /not valid JSON.*\(line 3, column 3\)/);
});

test('a file of the wrong shape says what is missing', async () => {
  const page = await openWith('/', json({ version: 1, partners: [], sectors: [] }));
  assert.match(await loadError(page), /expected shape: missing field `events`/);
});

test('bad events are left out and listed; every good event still shows', async () => {
  const broken = structuredClone(data);
  const victims = [3, 40, 90, 120].map((i) => broken.events[i].id);
  delete broken.events[3].title;
  broken.events[40].date = '2023-02-30';
  broken.events[90].partners = ['ATLANTIS'];
  broken.events[120].sources = [{ url: 'javascript:window.__pwned=1', publisher: 'Evil', lang: 'en' }];
  const page = await openWith('/', json(broken));
  await page.getByTestId('result-count').waitFor();
  for (const id of victims) assert.equal(await page.locator(`[data-event-id="${id}"]`).count(), 0, id);
  assert.match(await page.getByTestId('result-count').textContent(), new RegExp(`^${total - 4} of ${total - 4} events`));
  const warnings = page.getByTestId('data-warnings');
  assert.equal(await warnings.evaluate((d) => d.open), false, 'collapsed by default');
  assert.match(await warnings.locator('summary').textContent(), /4 events were left out/);
  await warnings.locator('summary').click();
  const listed = await warnings.locator('li').allTextContents();
  for (const id of victims) assert.ok(listed.some((l) => l.includes(id)), `${id} listed: ${listed}`);
  assert.ok(listed.some((l) => l.includes('date') && l.includes('2023-02-30')));
  assert.ok(listed.some((l) => l.includes('ATLANTIS')));
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  await noHarm(page);
});

test('HTML in the data is shown as text, never run', async () => {
  const hostile = structuredClone(data);
  const target = hostile.events[hostile.events.length - 1];
  target.title.en = '<img src=x onerror="window.__pwned=1"><b>Bold?</b>';
  target.summary.en = '<script>window.__pwned=1</script>';
  const page = await openWith(`/events/${target.id}`, json(hostile));
  const detail = page.getByTestId('event-detail');
  await detail.waitFor();
  assert.equal(await detail.locator('h2').textContent(), target.title.en);
  assert.equal(await page.locator('main img, main b, main script').count(), 0);
  assert.ok((await page.locator('.timeline').textContent()).includes('<script>window.__pwned=1</script>'));
  await page.waitForTimeout(200);
  await noHarm(page);
});

test('hostile query values are shown as text or ignored, and the page still works', async () => {
  const cases = [
    ['?q=<img src=x onerror=alert(1)>', (p) => p.getByTestId('search').inputValue(), '<img src=x onerror=alert(1)>'],
    ['?partner=%00,<script>alert(1)</script>', null, ''],
    [`?q=${'a'.repeat(5000)}`, null, ''],
    ['?partner=IRN&partner=RUS&sort=asc&sort=desc', null, '?partner=IRN,RUS'],
    // A broken escape stays as typed; a byte that is not UTF-8 becomes U+FFFD, as URLSearchParams does.
    ['?q=%zz%E9&from=2024-13', (p) => p.getByTestId('search').inputValue(), '%zz\uFFFD'],
  ];
  for (const [query, read, expected] of cases) {
    const page = await newPage(env.browser);
    await page.goto(env.site.url + '/' + query);
    await page.getByTestId('result-count').waitFor();
    if (read) {
      assert.equal(await read(page), expected, query);
    } else {
      await page.waitForFunction((e) => location.search === e, expected);
    }
    assert.equal(await page.locator('main img, main script').count(), 0, query);
    // The page still works: a filter click still filters.
    const group = page.getByTestId('facet-partner');
    if (!(await group.evaluate((d) => d.open))) await group.locator('summary').click();
    await group.getByLabel('Iran').check();
    await page.waitForFunction(() => location.search.includes('IRN'));
    await noHarm(page);
    assert.deepEqual(page.problems, [], query);
    await page.context().close();
  }
});

test('a hostile event id is shown as text in the not-found message', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.site.url}/events/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
  const message = page.getByTestId('event-not-found');
  await message.waitFor();
  assert.ok((await message.textContent()).includes('<img src=x onerror=alert(1)>'));
  assert.equal(await page.locator('main img').count(), 0);
  await noHarm(page);
});

test('the Content-Security-Policy blocks a script slipped into the page', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.site.url + '/');
  await page.getByTestId('result-count').waitFor();
  const violations = [];
  page.on('console', (m) => violations.push(m.text()));
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 1';
    document.body.append(s);
    const img = document.createElement('img');
    img.setAttribute('src', 'x');
    img.setAttribute('onerror', 'window.__pwned = 2');
    document.body.append(img);
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(violations.some((v) => v.includes('Content Security Policy')), violations.join('\n'));
  await page.context().close();
});
