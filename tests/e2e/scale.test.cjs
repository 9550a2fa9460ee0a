// A long dataset: only the first events are drawn, counts stay right, more are drawn on demand,
// and a deep link to an event far down opens and scrolls to it, drawing only the events near it.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { newPage, openWithData, shippedDataset, useBrowserAndSites } = require('./harness.cjs');

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
  // The first page, as the page written at build time showed it; never the whole list.
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

test('after a change of filters a long list draws a screenful, and more only as the reader scrolls', async () => {
  const data = synthetic();
  const page = await openWith('/', data);
  await page.getByTestId('facet-partner').locator('input[value="RUS"]').check();
  const expected = data.events.filter((e) => e.partners.includes('RUS')).length;
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="result-count"]')?.textContent.startsWith(t),
    `${expected} of ${N} events`,
  );
  await page.waitForTimeout(300);
  const drawn = () =>
    page.evaluate(() => {
      const cards = [...document.querySelectorAll('.timeline [data-event-id]')];
      return { count: cards.length, bottom: cards[cards.length - 1].getBoundingClientRect().bottom };
    });
  const rest = await drawn();
  assert.ok(rest.count >= 2 && rest.count < 24, `${rest.count} drawn`);
  assert.ok(rest.bottom >= 900, `the cards fill the window: they end at ${rest.bottom} px`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction((n) => document.querySelectorAll('.timeline [data-event-id]').length > n, rest.count);
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

test('a deep link to the last event of a long list draws the events around it, not the whole list', async () => {
  const data = synthetic();
  const oldest = data.events.reduce((a, b) => (a.date <= b.date ? a : b));
  const page = await openWith(`/events/${oldest.id}`, data);
  await page.getByTestId('event-detail').waitFor();
  const inView = (id) => {
    const el = document.querySelector(`.timeline [data-event-id="${id}"]`);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  };
  await page.waitForFunction(inView, oldest.id);
  assert.match(await page.locator(`.timeline [data-event-id="${oldest.id}"]`).getAttribute('class'), /selected/);
  assert.match(await page.getByTestId('result-count').textContent(), new RegExp(`^${N} of ${N} events`));
  // Newest first, the oldest event is last: the events just above it are drawn, the first are not.
  const shown = await page.evaluate(() => ({
    cards: [...document.querySelectorAll('.timeline [data-event-id]')].map((c) => c.dataset.eventId),
    above: document.querySelector('[data-testid="load-earlier"]')?.textContent,
    below: document.querySelector('[data-testid="load-more"]'),
  }));
  const drawn = shown.cards.length;
  assert.ok(drawn >= 7 && drawn < 100, `${drawn} drawn`);
  assert.equal(shown.cards[drawn - 1], oldest.id);
  assert.equal(shown.below, null, 'nothing below the last event');
  // The rest of the list is one button (or a scroll) away, above.
  assert.equal(shown.above, `Show 24 more above (${N - drawn} not shown yet)`);
  // Scrolling up to the top of the drawn part draws more above it, and what the reader sees
  // stays in place.
  const count = () => document.querySelectorAll('.timeline [data-event-id]').length;
  const seen = await page.evaluate(() => {
    window.scrollTo(0, 0);
    const card = document.querySelector('.timeline [data-event-id]');
    return { id: card.dataset.eventId, top: card.getBoundingClientRect().top, count: document.querySelectorAll('.timeline [data-event-id]').length };
  });
  await page.waitForFunction((n) => document.querySelectorAll('.timeline [data-event-id]').length > n, seen.count);
  await page.waitForTimeout(300);
  const top = await page.evaluate((id) => document.querySelector(`.timeline [data-event-id="${id}"]`).getBoundingClientRect().top, seen.id);
  assert.ok(Math.abs(top - seen.top) < 2, `the card stayed at ${seen.top}px, now ${top}px`);
  assert.notEqual(await page.locator('.timeline [data-event-id]').first().getAttribute('data-event-id'), seen.id);
  // The button draws more above too (for a keyboard, where nothing scrolls).
  const drawnNow = await page.evaluate(count);
  await page.evaluate(() => document.querySelector('[data-testid="load-earlier"]').click());
  await page.waitForFunction((n) => document.querySelectorAll('.timeline [data-event-id]').length > n, drawnNow);
  // Closing the event keeps the reader where they were.
  await page.keyboard.press('Escape');
  await page.getByTestId('event-detail').waitFor({ state: 'detached' });
  assert.equal(await page.locator(`.timeline [data-event-id="${oldest.id}"]`).count(), 1);
  assert.ok((await page.locator('.timeline [data-event-id]').count()) < 200);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/**
 * A data file served like a slow connection: each request gets its headers (with the full
 * length) and the first `head` bytes at once, and the rest when `release()` is called.
 */
async function heldFile(t, text, head, { length = true } = {}) {
  const http = require('node:http');
  const body = Buffer.from(text);
  let release;
  const released = new Promise((r) => (release = r));
  const server = http.createServer(async (req, res) => {
    const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
    if (length) headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.write(body.subarray(0, head));
    await released;
    res.end(body.subarray(head));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  // Closed when the test ends, passed or failed: a response left waiting would keep the run open.
  t.after(() => {
    release();
    return new Promise((r) => { server.closeAllConnections(); server.close(r); });
  });
  return { url: `http://127.0.0.1:${server.address().port}/events.json`, release };
}

/** The synthetic events written newest first: by date, then id, as the timeline shows them. */
function newestFirst() {
  const data = synthetic();
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  data.events.sort((a, b) => cmp(b.date, a.date) || cmp(b.id, a.id));
  return data;
}

test('a long file written newest first shows its newest events while the rest is read', async (t) => {
  const data = newestFirst();
  const held = await heldFile(t, JSON.stringify(data, null, 1), 200_000);
  const page = await newPage(env.browser);
  // The first frame that shows a card (how many cards, and where the last one ends), and the
  // cards three frames later.
  await page.addInitScript(() => {
    const later = (frames) => {
      if (frames === 0) {
        window.laterFrame = document.querySelectorAll('.timeline [data-event-id]').length;
        return;
      }
      requestAnimationFrame(() => later(frames - 1));
    };
    const look = () => {
      const cards = document.querySelectorAll('.timeline [data-event-id]');
      if (cards.length && cards[0].getBoundingClientRect().height > 0) {
        window.firstFrame = { cards: cards.length, lastBottom: cards[cards.length - 1].getBoundingClientRect().bottom };
        later(3);
        return;
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.route('**/data/events.json', (route) => route.continue({ url: held.url }));
  await page.goto(env.site.url + '/?lang=en');
  await page.getByTestId('loading-preview').waitFor();
  // A screenful in the first frame (the window filled to its bottom, at 900 px high), then every
  // event the preview read from the part of the file that has arrived (up to 24; how many that is
  // depends on how the browser cut the file into chunks).
  await page.waitForFunction(() => window.laterFrame !== undefined);
  const first = await page.evaluate(() => window.firstFrame);
  assert.ok(first.cards >= 2 && first.cards < 24 && first.lastBottom >= 900, JSON.stringify(first));
  const preview = await page.evaluate(() => ({
    status: document.querySelector('[data-testid="loading"]').textContent,
    count: document.querySelector('[data-testid="result-count"]'),
    cards: [...document.querySelectorAll('.timeline [data-event-id]')].map((c) => c.dataset.eventId),
    firstHref: document.querySelector('.timeline [data-event-id] .event-title a').getAttribute('href'),
  }));
  assert.match(preview.status, /^Loading every event… the newest are shown meanwhile/);
  assert.equal(preview.count, null, 'no count before every event is read');
  assert.ok(preview.cards.length >= first.cards && preview.cards.length <= 24, `${preview.cards.length} shown`);
  assert.deepEqual(preview.cards, data.events.slice(0, preview.cards.length).map((e) => e.id));
  assert.equal(preview.firstHref, `/events/${data.events[0].id}?lang=en`);
  // The rest arrives: the whole timeline replaces the preview, with the same events on top.
  held.release();
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="result-count"]')?.textContent.startsWith(t),
    `${N} of ${N} events`,
  );
  assert.equal(await page.getByTestId('loading-preview').count(), 0);
  assert.equal(await page.locator('.timeline [data-event-id]').first().getAttribute('data-event-id'), data.events[0].id);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a filtered view or an open event waits for every event rather than show a part', async (t) => {
  const data = newestFirst();
  const held = await heldFile(t, JSON.stringify(data), 200_000);
  const paths = ['/?partner=RUS', `/events/${data.events[3].id}`];
  const pages = [];
  for (const path of paths) {
    const page = await openWithData(env.browser, env.site.url + path, (route) => route.continue({ url: held.url }));
    await page.getByTestId('loading').waitFor();
    pages.push(page);
  }
  // Time for a preview to appear, had it been shown.
  await pages[1].waitForTimeout(500);
  for (const page of pages) {
    assert.equal(await page.getByTestId('loading-preview').count(), 0);
    assert.equal(await page.locator('.timeline [data-event-id]').count(), 0);
    assert.equal(await page.getByTestId('loading').textContent(), 'Loading events…');
  }
  held.release();
  await pages[0].waitForFunction(
    (t) => document.querySelector('[data-testid="result-count"]')?.textContent.startsWith(t),
    `${data.events.filter((e) => e.partners.includes('RUS')).length} of ${N} events`,
  );
  await pages[1].getByTestId('event-detail').waitFor();
  for (const page of pages) {
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a long file that turns out broken replaces its preview with the reason', async (t) => {
  // Sent without a length, as a compressing host does; its end is cut off.
  const text = JSON.stringify(newestFirst(), null, 1);
  const held = await heldFile(t, text.slice(0, Math.floor(text.length * 0.8)), 200_000, { length: false });
  // An address without index.html's first screen, which would stand in for the preview.
  const page = await openWithData(env.browser, env.site.url + '/?lang=en', (route) => route.continue({ url: held.url }));
  await page.getByTestId('loading-preview').waitFor();
  held.release();
  const error = page.getByTestId('load-error');
  await error.waitFor();
  assert.match(await error.textContent(), /The data file is not valid JSON/);
  assert.equal(await page.getByTestId('loading-preview').count(), 0);
  assert.equal(await page.locator('.timeline [data-event-id]').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
