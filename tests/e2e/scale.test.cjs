// A long dataset: only the first events are drawn, counts stay right, more are drawn on demand,
// and a deep link to an event far down still opens and scrolls to it.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { openWithData, shippedDataset, useBrowserAndSites } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'] });

const real = shippedDataset();
const N = 3000;

/** N events built from the shipped ones, with new ids and dates spread over 2012-2026. */
function synthetic() {
  const events = [];
  for (let i = 0; i < N; i++) {
    const base = real.events[i % real.events.length];
    const year = 2012 + (i % 15);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    events.push({ ...base, id: `e${i}-synthetic`, date: `${year}-${month}-${day}`, related: [], title: { en: `${base.title.en} #${i}`, fr: `${base.title.fr} #${i}` } });
    delete events[i].end_date;
  }
  return { ...real, events };
}



async function openWith(path, body) {
  const page = await openWithData(env.browser, env.site.url + path, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }),
  );
  await page.getByTestId('result-count').waitFor();
  return page;
}

test('a long list draws its first events, counts all, and draws more on demand', async () => {
  const data = synthetic();
  const page = await openWith('/', data);
  assert.match(await page.getByTestId('result-count').textContent(), new RegExp(`^${N} of ${N} events`));
  // A screenful first, the rest of the first page a frame later; never the whole list.
  await page.waitForFunction(() => document.querySelectorAll('.timeline [data-event-id]').length >= 20);
  const first = await page.locator('.timeline [data-event-id]').count();
  assert.ok(first >= 20 && first < 100, `${first} drawn`);
  await page.getByTestId('load-more').click();
  await page.waitForFunction((n) => document.querySelectorAll('.timeline [data-event-id]').length > n, first);
  // Scrolling to the end draws more too.
  const before = await page.locator('.timeline [data-event-id]').count();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction((n) => document.querySelectorAll('.timeline [data-event-id]').length > n, before);
  // A filter counts over every event, drawn or not.
  const expected = data.events.filter((e) => e.partners.includes('RUS')).length;
  await page.goto(`${env.site.url}/?partner=RUS`);
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="result-count"]')?.textContent.startsWith(t),
    `${expected} of ${N} events`,
  );
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a search straight after loading a long list searches every event', async () => {
  // The search text is folded in slices after the first render; a search that comes first
  // must still find an event from the last slice.
  const data = synthetic();
  const page = await openWith('/?q=%23' + (N - 1), data);
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="result-count"]')?.textContent.startsWith(t),
    `1 of ${N} events`,
  );
  assert.equal(await page.locator('.timeline [data-event-id]').first().getAttribute('data-event-id'), `e${N - 1}-synthetic`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a deep link to the last event of a long list opens and scrolls to it', async () => {
  const data = synthetic();
  const oldest = data.events.reduce((a, b) => (a.date <= b.date ? a : b));
  const page = await openWith(`/events/${oldest.id}`, data);
  await page.getByTestId('event-detail').waitFor();
  await page.waitForFunction((id) => {
    const el = document.querySelector(`.timeline [data-event-id="${id}"]`);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  }, oldest.id);
  assert.match(await page.locator(`.timeline [data-event-id="${oldest.id}"]`).getAttribute('class'), /selected/);
  await page.context().close();
});
