// Links that stay citable and views shown in other sites: an earlier release of the data by
// `?v=`, an event's old id (an alias), and the embed code's compact view in a page of another
// origin.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { newPage, openWithData, shippedDataset, useBrowserAndSites, ROOT } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'] });
const current = shippedDataset();
const previous = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/versions/1.json'), 'utf8'));

async function count(page) {
  const el = page.getByTestId('result-count');
  await el.waitFor();
  return el.textContent();
}

test('a link to a release downloads that release\'s file once, and not the current one', async () => {
  for (const [address, wanted] of [
    ['/?partner=FRA&v=1', '/data/versions/1.json'],
    [`/?v=${current.version}`, `/data/versions/${current.version}.json`],
    ['/?partner=FRA', '/data/events.json'],
  ]) {
    const page = await newPage(env.browser);
    const asked = [];
    page.on('request', (req) => {
      const { pathname } = new URL(req.url());
      if (pathname.startsWith('/data/')) asked.push(pathname);
    });
    await page.goto(env.site.url + address);
    await count(page);
    // The early request (the page's preload) is the one the app reads: the file is asked for once.
    assert.deepEqual(asked, [wanted], address);
    assert.deepEqual(page.problems, [], address);
    await page.context().close();
  }
});

test('?v= of the previous release shows it with a notice that leads to the current data', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.site.url + '/?partner=FRA&v=1&lang=en');
  const notice = page.getByTestId('version-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /version 1 of the data/);
  const french = (data) => data.events.filter((e) => e.partners.includes('FRA')).length;
  assert.equal(await count(page), `${french(previous)} of ${previous.events.length} events`);
  // Version 1 had no eras: the chart draws none, and no empty fold for them.
  assert.equal(await page.locator('.eras').count(), 0);
  // Links inside the page keep the release: an event opened from the list is the old one.
  const first = page.locator('.timeline [data-event-id] .event-title a').first();
  assert.match(await first.getAttribute('href'), /[?&]v=1(&|$)/);
  // The notice's link: the same view on the current data.
  await page.getByTestId('current-data').click();
  await page.waitForFunction(() => !location.search.includes('v='));
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="result-count"]')?.textContent === t,
    `${french(current)} of ${current.events.length} events`,
  );
  assert.equal(await page.getByTestId('version-notice').count(), 0);
  assert.equal(new URL(page.url()).search, '?partner=FRA&lang=en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a release that was never made is said so, with the way to the current data', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.site.url + '/fr/?v=99');
  const error = page.getByTestId('load-error');
  await error.waitFor();
  assert.match(await error.textContent(), /La version 99 des données n'existe pas/);
  assert.equal(await error.locator('a').getAttribute('href'), '/fr/');
  await page.context().close();
});

test("an event's old id (an alias) opens it, with a notice giving its address now", async () => {
  const data = structuredClone(current);
  const event = data.events[10];
  event.aliases = ['2000-01-01-an-old-name'];
  const page = await openWithData(env.browser, env.site.url + '/events/2000-01-01-an-old-name?lang=en', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }),
  );
  const detail = page.getByTestId('event-detail');
  await detail.waitFor();
  assert.equal(await detail.locator('h2').first().textContent(), event.title.en);
  const notice = page.getByTestId('alias-notice');
  assert.match(await notice.textContent(), /This event's id has changed/);
  assert.equal(await notice.locator('a').getAttribute('href'), `/events/${event.id}?lang=en`);
  // Its card in the list is the open one.
  assert.equal(await page.locator('.event-card.selected').getAttribute('data-event-id'), event.id);
  assert.equal(await page.getByTestId('event-not-found').count(), 0);
  await page.context().close();
});

/** The code the Embed action gives on `address`. */
async function embedCode(address) {
  const page = await newPage(env.browser);
  await page.goto(env.site.url + address);
  // The app's own page, once the page written at build time has made way for it.
  await page.getByTestId('result-count').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-prerendered]'));
  await page.getByTestId('take-away').locator('> summary').click();
  await page.getByTestId('embed').locator('summary').click();
  const code = await page.getByTestId('embed-code').inputValue();
  await page.context().close();
  return code;
}

/** A page of another origin (another port) holding `html`. */
async function hostPage(html) {
  const host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>A newsroom</title><p>Our story.</p>${html}`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const page = await newPage(env.browser);
  await page.goto(`http://127.0.0.1:${host.address().port}/`);
  page.closeHost = () => new Promise((r) => host.close(r));
  return page;
}

test('the embed code shows the view in a page of another origin, and an event opens inside it', async () => {
  // The pages may be framed by any site, by their headers.
  const response = await fetch(env.site.url + '/?partner=RUS');
  assert.equal(response.headers.get('content-security-policy'), 'frame-ancestors *');
  assert.equal(response.headers.get('x-frame-options'), null);

  const page = await hostPage(await embedCode('/?partner=RUS&lang=en'));
  const frame = page.frameLocator('iframe');
  const rus = current.events.filter((e) => e.partners.includes('RUS'));
  await frame.getByTestId('result-count').waitFor();
  assert.equal(await frame.getByTestId('result-count').textContent(), `${rus.length} of ${current.events.length} events`);
  // Compact: no site header, no filters, no tools; a way out that keeps the view, in a new tab.
  assert.equal(await frame.locator('.site-header').count(), 0);
  assert.equal(await frame.locator('.filters-column').count(), 0);
  assert.equal(await frame.getByTestId('export').count(), 0);
  const out = frame.getByTestId('open-in-app');
  assert.equal(await out.getAttribute('target'), '_blank');
  assert.equal(await out.getAttribute('href'), `/?partner=RUS&lang=en&v=${current.version}`);
  // An event opens inside the frame, and its sources open outside it.
  const card = frame.locator('.timeline [data-event-id]').first();
  const id = await card.getAttribute('data-event-id');
  await card.locator('.event-title a').click();
  await frame.getByTestId('event-detail').waitFor();
  const inner = page.frames().find((f) => f !== page.mainFrame());
  assert.equal(new URL(inner.url()).pathname, `/events/${id}`);
  assert.match(inner.url(), /embed=1/);
  const targets = await frame.locator('[data-testid="event-detail"] a[href^="http"]').evaluateAll((as) => as.map((a) => a.target));
  assert.ok(targets.length > 0 && targets.every((t) => t === '_blank'), JSON.stringify(targets));
  assert.deepEqual(page.problems, []);
  await page.context().close();
  await page.closeHost();
});

test('the embed code of an open event opens that event inside the frame, in its language', async () => {
  const event = current.events[20];
  const code = await embedCode(`/fr/events/${event.id}?sector=${event.sectors[0]}`);
  assert.match(code, new RegExp(`src="[^"]*/fr/events/${event.id}\\?sector=${event.sectors[0]}&amp;v=${current.version}&amp;embed=1"`));
  const html = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  assert.ok(code.includes(`title="${html(event.title.fr)}"`), code);
  const page = await hostPage(code);
  const frame = page.frameLocator('iframe');
  const detail = frame.getByTestId('event-detail');
  await detail.waitFor();
  assert.equal(await detail.getAttribute('data-event-id'), event.id);
  assert.equal(await detail.locator('h2').first().textContent(), event.title.fr);
  assert.deepEqual(page.problems, []);
  await page.context().close();
  await page.closeHost();
});
