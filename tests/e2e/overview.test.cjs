// The overview chart above the list: each year's events by stance, a range chosen by dragging,
// clicking or the keyboard, the eras as ranges, partners compared row by row, and the chart in the
// pages written at build time.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { newPage, addressSearch, shippedDataset, useBrowserAndSites } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'] });

const data = shippedDataset();
const SEED = '2023-07-19-iran-digital-training';

const count = (pred) => data.events.filter(pred).length;
const hasPartner = (codes) => (e) => e.partners.some((p) => codes.includes(p));
const hasSector = (ids) => (e) => e.sectors.some((s) => ids.includes(s));
const yearOf = (e) => Number(e.date.slice(0, 4));

/** Every year from the dataset's first event to its last. */
const YEARS = (() => {
  const years = data.events.map(yearOf);
  const all = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) all.push(y);
  return all;
})();
const FIRST = YEARS[0];
const LAST = YEARS[YEARS.length - 1];

/** Which way each kind of event goes. */
const STANCE = {
  agreement: 'toward',
  announcement: 'toward',
  visit: 'toward',
  delivery: 'toward',
  rupture: 'ruptures',
  withdrawal: 'ruptures',
  sanction: 'ruptures',
  other: 'other',
};

/** Per year, the events that pass `pred` in the year of their date, in all and by stance. */
function byYear(pred = () => true) {
  const years = new Map(YEARS.map((y) => [y, { total: 0, toward: 0, ruptures: 0, other: 0 }]));
  for (const e of data.events.filter(pred)) {
    const year = years.get(yearOf(e));
    year.total += 1;
    year[STANCE[e.kind]] += 1;
  }
  return years;
}

// A date is a year, a month or a day: it covers the days from its first to its last.
const firstDay = (d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
function lastDay(d) {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const days = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).getUTCDate();
    return `${d}-${String(days).padStart(2, '0')}`;
  }
  return d;
}

/** An event is in a range when its span (date to end date, if any) overlaps it. */
const inRange = (from, to) => (e) =>
  (to === undefined || firstDay(e.date) <= lastDay(String(to))) &&
  (from === undefined || lastDay(e.end_date || e.date) >= firstDay(String(from)));

/** How a year's figures read in each language: the year, then toward, ruptures and other. */
const LABEL = {
  en: /^(\d{4})\s*:\s+(\d+)\s+steps?\s+toward,\s+(\d+)\s+ruptures?,\s+(\d+)\s+other/,
  fr: /^(\d{4})\s*:\s+(\d+)\s+rapprochements?,\s+(\d+)\s+ruptures?,\s+(\d+)\s+autres?/,
};

const CHART_YEARS = '[data-testid="overview"] [data-testid="overview-year"]';
// The pages written at build time carry no test ids: their chart is found by its years.
const WRITTEN_YEARS = 'main svg g[data-year]';

async function open(path, options) {
  const page = await newPage(env.browser, options);
  await page.goto(env.site.url + path);
  await page.getByTestId('result-count').waitFor();
  await page.locator(CHART_YEARS).first().waitFor();
  return page;
}

async function waitForCount(page, n) {
  await page.waitForFunction(
    ([n, total]) => document.querySelector('[data-testid="result-count"]')?.textContent.startsWith(`${n} of ${total}`),
    [n, data.events.length],
  );
}

async function shownCount(page) {
  return Number((await page.getByTestId('result-count').textContent()).trim().split(' ')[0]);
}

/** Lets the page draw what a key or a click changed and write it to the address. */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/** Each year the chart shows, once its counts are `expected` (or after 5 s). */
async function chart(page, expected, selector = CHART_YEARS) {
  const counts = YEARS.map((y) => expected.get(y).total);
  await page
    .waitForFunction(
      ([selector, counts]) => {
        const shown = [...document.querySelectorAll(selector)].map((g) => Number(g.dataset.count));
        return shown.length === counts.length && shown.every((n, i) => n === counts[i]);
      },
      [selector, counts],
      { timeout: 5000 },
    )
    .catch(() => {});
  return page.locator(selector).evaluateAll((gs) =>
    gs.map((g) => ({ year: Number(g.dataset.year), count: Number(g.dataset.count), label: g.getAttribute('aria-label') })),
  );
}

/** The chart shows one bar per year with `expected`'s counts, and says them in `lang`. */
function assertFigures(figures, expected, lang, where) {
  assert.deepEqual(figures.map((f) => f.year), YEARS, `${where}: one bar per year`);
  for (const { year, count, label } of figures) {
    const want = expected.get(year);
    assert.equal(count, want.total, `${where}: ${year}`);
    const m = (label || '').match(LABEL[lang]);
    assert.ok(m, `${where}: ${year} reads "${label}"`);
    assert.deepEqual(m.slice(1).map(Number), [year, want.toward, want.ruptures, want.other], `${where}: ${label}`);
  }
}

/** The middle of a year's bar, on screen. */
async function centreOf(page, year) {
  const box = await page.locator(`${CHART_YEARS}[data-year="${year}"]`).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function drag(page, fromYear, toYear) {
  await page.getByTestId('overview-plot').scrollIntoViewIfNeeded();
  const a = await centreOf(page, fromYear);
  const b = await centreOf(page, toYear);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
}

/**
 * The range is from..to (years; none when `from` is undefined) everywhere a person sees it: the
 * address, the date selects of the filters, the brush, the drawn selection and the list.
 */
async function assertRange(page, from, to) {
  await settle(page);
  const search = from === undefined ? '' : `?from=${from}&to=${to}`;
  assert.equal(await addressSearch(page, search), search);
  const years = [String(from ?? ''), String(to ?? '')];
  await page
    .waitForFunction(
      ([f, t]) =>
        document.querySelector('[data-testid="from-year"]').value === f && document.querySelector('[data-testid="to-year"]').value === t,
      years,
      { timeout: 5000 },
    )
    .catch(() => {});
  assert.deepEqual([await page.getByTestId('from-year').inputValue(), await page.getByTestId('to-year').inputValue()], years);
  const valuetext = await page.getByTestId('overview-brush').getAttribute('aria-valuetext');
  if (from === undefined) assert.equal(valuetext, 'All years');
  else if (from !== to) assert.equal(valuetext, `${from} – ${to}`);
  else assert.ok(valuetext.includes(String(from)), valuetext);
  assert.equal(await page.getByTestId('overview-selection').count(), from === undefined ? 0 : 1);
  await waitForCount(page, count(inRange(from, to)));
}

async function tick(page, code) {
  const group = page.getByTestId('facet-partner');
  if (!(await group.evaluate((d) => d.open))) await group.locator('summary').click();
  await group.locator(`input[value="${code}"]`).check();
}

/** Each comparison row as drawn: its partner, its total and its years. */
async function compareRows(page) {
  return page.getByTestId('compare-row').evaluateAll((rows) =>
    rows.map((row) => ({
      partner: row.dataset.partner,
      total: Number(row.dataset.total),
      years: [...row.querySelectorAll('[data-testid="compare-year"]')].map((y) => [Number(y.dataset.year), Number(y.dataset.count)]),
    })),
  );
}

test('the overview shows each year\'s events by stance above the list, in English and in French', async () => {
  const page = await open('/');
  const overview = page.getByTestId('overview');
  assert.ok(await overview.isVisible());
  const chartBox = await overview.boundingBox();
  const listBox = await page.locator('.timeline').boundingBox();
  assert.ok(chartBox.y + chartBox.height <= listBox.y + 1, `the chart (${JSON.stringify(chartBox)}) is above the list (${JSON.stringify(listBox)})`);
  assertFigures(await chart(page, byYear()), byYear(), 'en', '/');
  // The legend names each colour in words.
  const legend = page.getByTestId('overview-legend').getByTestId('legend-item');
  assert.ok((await legend.count()) >= 3, 'a key for each stance');
  for (const item of await legend.all()) {
    assert.ok(await item.isVisible());
    assert.ok((await item.innerText()).trim().length > 0);
  }
  // The brush is a slider reached by Tab; no range is chosen yet.
  const brush = page.getByTestId('overview-brush');
  assert.equal(await brush.getAttribute('role'), 'slider');
  assert.equal(await brush.getAttribute('tabindex'), '0');
  assert.equal(await brush.getAttribute('aria-valuetext'), 'All years');
  assert.equal(await page.getByTestId('overview-selection').count(), 0);
  assert.equal(await page.getByTestId('overview-clear').isVisible(), false);
  // One button per era, named by it.
  const eras = await page.getByTestId('era').evaluateAll((buttons) =>
    buttons.map((b) => ({ tag: b.tagName, id: b.dataset.era, label: b.getAttribute('aria-label') })),
  );
  assert.deepEqual(eras.map((e) => e.id).sort(), data.eras.map((e) => e.id).sort());
  for (const era of data.eras) {
    const shown = eras.find((e) => e.id === era.id);
    assert.equal(shown.tag, 'BUTTON', era.id);
    assert.ok((shown.label || '').includes(era.label.en), `${era.id}: "${shown.label}"`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const fr = await open('/fr/');
  assert.ok(await fr.getByTestId('overview').isVisible());
  assertFigures(await chart(fr, byYear()), byYear(), 'fr', '/fr/');
  assert.equal(await fr.getByTestId('overview-brush').getAttribute('aria-valuetext'), 'Toutes les années');
  for (const era of data.eras) {
    const label = await fr.locator(`[data-testid="era"][data-era="${era.id}"]`).getAttribute('aria-label');
    assert.ok((label || '').includes(era.label.fr), `${era.id}: "${label}"`);
  }
  assert.deepEqual(fr.problems, []);
  await fr.context().close();
});

test('the overview follows every filter at once, the date range aside', async () => {
  const rusAgreements = (e) => e.partners.includes('RUS') && e.kind === 'agreement';
  let page = await open('/?partner=RUS&kind=agreement');
  await waitForCount(page, count(rusAgreements));
  assertFigures(await chart(page, byYear(rusAgreements)), byYear(rusAgreements), 'en', 'partner RUS, kind agreement');
  await page.context().close();

  // A range shortens the list, not the chart: the chart is where the range is chosen.
  page = await open('/?partner=RUS&kind=agreement&from=2021&to=2023');
  await waitForCount(page, count((e) => rusAgreements(e) && inRange(2021, 2023)(e)));
  assertFigures(await chart(page, byYear(rusAgreements)), byYear(rusAgreements), 'en', 'with a range');
  await page.context().close();

  page = await open('/?sector=mining');
  await waitForCount(page, count(hasSector(['mining'])));
  assertFigures(await chart(page, byYear(hasSector(['mining']))), byYear(hasSector(['mining'])), 'en', 'sector mining');
  await page.context().close();

  // With a search and no range, the years add up to the events listed.
  page = await open('/?q=lithium');
  await page.waitForFunction(() => !document.querySelector('[data-testid="result-count"]').textContent.startsWith('0 '));
  const listed = await shownCount(page);
  assert.ok(listed > 0 && listed < data.events.length);
  await page.waitForFunction(
    ([selector, n]) => [...document.querySelectorAll(selector)].reduce((sum, g) => sum + Number(g.dataset.count), 0) === n,
    [CHART_YEARS, listed],
  );
  await page.context().close();

  // A filter ticked in the panel redraws the chart.
  page = await open('/');
  await tick(page, 'IRN');
  await waitForCount(page, count(hasPartner(['IRN'])));
  assertFigures(await chart(page, byYear(hasPartner(['IRN']))), byYear(hasPartner(['IRN'])), 'en', 'partner IRN ticked');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('dragging across the years selects them; a click selects one year and a second click clears it', async () => {
  const page = await open('/');
  await drag(page, 2021, 2023);
  assert.equal(await addressSearch(page, '?from=2021&to=2023'), '?from=2021&to=2023');
  // The list holds the events of the years dragged across.
  const figures = await chart(page, byYear());
  const dragged = figures.filter((f) => f.year >= 2021 && f.year <= 2023).reduce((sum, f) => sum + f.count, 0);
  assert.equal(dragged, count(inRange(2021, 2023)), 'no event of the dataset runs across the edges of 2021-2023');
  await waitForCount(page, dragged);
  await assertRange(page, 2021, 2023);
  assertFigures(figures, byYear(), 'en', 'a range leaves the chart whole');

  // Right to left selects the same way round.
  await drag(page, 2024, 2022);
  await assertRange(page, 2022, 2024);

  const at2022 = await centreOf(page, 2022);
  await page.mouse.click(at2022.x, at2022.y);
  await assertRange(page, 2022, 2022);
  await page.mouse.click(at2022.x, at2022.y);
  await assertRange(page, undefined, undefined);
  await waitForCount(page, data.events.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a finger dragged across the plot selects the years, and the page does not scroll sideways', async () => {
  const page = await open('/', { viewport: { width: 375, height: 800 }, hasTouch: true });
  await page.getByTestId('overview-plot').scrollIntoViewIfNeeded();
  const a = await centreOf(page, 2022);
  const b = await centreOf(page, 2024);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [{ x: a.x, y: a.y }]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [{ x: a.x + ((b.x - a.x) * i) / 10, y: a.y }]);
  await touch('touchEnd', []);
  assert.equal(await addressSearch(page, '?from=2022&to=2024'), '?from=2022&to=2024');
  await waitForCount(page, count(inRange(2022, 2024)));
  assert.equal(await page.getByTestId('overview-selection').count(), 1);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the brush moves, extends and clears the range from the keyboard, and the date selects follow', async () => {
  const page = await open('/');
  await page.getByTestId('overview-brush').focus();
  const press = async (key, from, to) => {
    await page.keyboard.press(key);
    await assertRange(page, from, to);
  };
  // With no range, the arrows start at either end.
  await press('ArrowRight', FIRST, FIRST);
  await press('ArrowLeft', FIRST, FIRST);
  await press('Shift+ArrowRight', FIRST, FIRST + 1);
  await press('Shift+ArrowRight', FIRST, FIRST + 2);
  await press('ArrowRight', FIRST + 1, FIRST + 3);
  await press('ArrowLeft', FIRST, FIRST + 2);
  await press('ArrowLeft', FIRST, FIRST + 2);
  await press('Shift+ArrowLeft', FIRST, FIRST + 1);
  await press('Shift+ArrowLeft', FIRST, FIRST);
  await press('Shift+ArrowLeft', FIRST, FIRST);
  await press('Escape', undefined, undefined);
  await press('ArrowLeft', LAST, LAST);
  await press('Shift+ArrowRight', LAST, LAST);
  await press('ArrowLeft', LAST - 1, LAST - 1);
  await press('Shift+ArrowRight', LAST - 1, LAST);
  await press('ArrowRight', LAST - 1, LAST);
  await press('Escape', undefined, undefined);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'overview-brush');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the drawn selection and the clear button come and go with the range', async () => {
  const page = await open('/?from=2021&to=2023');
  await assertRange(page, 2021, 2023);
  const clear = page.getByTestId('overview-clear');
  assert.equal(await clear.evaluate((b) => b.tagName), 'BUTTON');
  assert.ok(await clear.isVisible());
  await clear.click();
  await assertRange(page, undefined, undefined);
  assert.equal(await clear.isVisible(), false);
  await waitForCount(page, data.events.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('hovering or focusing an era shows its band behind the columns, over its years', async () => {
  for (const [width, path] of [[1280, '/'], [375, '/fr/']]) {
    const page = await open(path, { viewport: { width, height: 900 } });
    // On a phone the eras are a fold, closed at first.
    if (width < 640) await page.getByTestId('eras').locator('summary').click();
    const era = page.locator('[data-testid="era"][data-era="ecowas-sanctions-2022"]');
    const band = page.locator('.era-item', { has: era }).getByTestId('era-band');
    assert.equal(await band.isVisible(), false, 'no band before');
    const check = async (how) => {
      assert.ok(await band.isVisible(), `${how} at ${width} px`);
      const b = await band.boundingBox();
      const plot = await page.getByTestId('overview-plot').boundingBox();
      const year = await page.locator('[data-testid="overview-year"][data-year="2022"]').boundingBox();
      // It covers the plot's height, within the year 2022 (January to July).
      assert.ok(Math.abs(b.y - plot.y) <= 1 && Math.abs(b.height - plot.height) <= 1, `${how}: ${JSON.stringify([b, plot])}`);
      assert.ok(b.x >= year.x - 1 && b.x + b.width <= year.x + year.width + 1, `${how}: ${JSON.stringify([b, year])}`);
    };
    await era.hover();
    await check('hover');
    await page.mouse.move(1, 899);
    assert.equal(await band.isVisible(), false, 'no band once the pointer leaves');
    await era.focus();
    await check('focus');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('printed, the eras are a list with their whole labels and dates', async () => {
  const page = await open('/');
  assert.equal(await page.getByTestId('era-list').isVisible(), false, 'not on screen');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByTestId('era-list').isVisible());
  assert.equal(await page.locator('.era-lanes').isVisible(), false);
  const items = await page.getByTestId('era-list').locator('li').allInnerTexts();
  assert.equal(items.length, data.eras.length);
  for (const era of data.eras) {
    assert.ok(items.some((text) => text.startsWith(`${era.label.en} (`)), `${era.id}: ${JSON.stringify(items)}`);
  }
  // An era with no end reads as open: "24 May 2021 –".
  const open_ = data.eras.find((e) => !e.end);
  if (open_) assert.ok(items.some((text) => text.startsWith(`${open_.label.en} (`) && text.endsWith('–)')), JSON.stringify(items));
  await page.context().close();
});

test('an era\'s button sets the range to the months of that era', async () => {
  const page = await open('/');
  for (const era of data.eras) {
    const from = era.start.slice(0, 7);
    const to = era.end ? era.end.slice(0, 7) : undefined;
    const search = `?from=${from}${to ? `&to=${to}` : ''}`;
    await page.locator(`[data-testid="era"][data-era="${era.id}"]`).click();
    assert.equal(await addressSearch(page, search), search, era.id);
    await waitForCount(page, count(inRange(from, to)));
    assert.equal(await page.getByTestId('overview-selection').count(), 1, era.id);
  }
  // ECOWAS's sanctions, 9 January to 3 July 2022, select January to July 2022.
  await page.locator('[data-testid="era"][data-era="ecowas-sanctions-2022"]').click();
  assert.equal(await addressSearch(page, '?from=2022-01&to=2022-07'), '?from=2022-01&to=2022-07');
  const shown = await page.getByTestId('result-count').textContent();
  await page.getByTestId('overview-clear').click();
  assert.equal(await addressSearch(page, ''), '');
  await waitForCount(page, data.events.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // The same address opened directly shows the same list.
  const direct = await open('/?from=2022-01&to=2022-07');
  assert.equal(await direct.getByTestId('result-count').textContent(), shown);
  await direct.context().close();
});

test('comparing partners draws a row for each, whose years add up to that partner\'s events', async () => {
  const page = await open('/?compare=FRA,RUS');
  await page.getByTestId('compare-row').first().waitFor();
  const rows = await compareRows(page);
  assert.deepEqual(rows.map((r) => r.partner), ['FRA', 'RUS']);
  for (const row of rows) {
    const mine = hasPartner([row.partner]);
    const perYear = byYear(mine);
    assert.equal(row.total, count(mine), row.partner);
    assert.equal(row.years.reduce((sum, [, n]) => sum + n, 0), row.total, row.partner);
    for (const [year, n] of row.years) assert.equal(n, perYear.get(year)?.total ?? 0, `${row.partner} ${year}`);
  }
  // Only a row below another can move up.
  assert.equal(await page.getByTestId('compare-row').nth(0).getByTestId('compare-up').count(), 0);
  assert.equal(await page.getByTestId('compare-row').nth(1).getByTestId('compare-up').count(), 1);
  for (const row of await page.getByTestId('compare-row').all()) assert.equal(await row.getByTestId('compare-remove').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // Each total is what filtering by that partner shows.
  for (const row of rows) {
    const alone = await open(`/?partner=${row.partner}`);
    await waitForCount(alone, count(hasPartner([row.partner])));
    assert.equal(await shownCount(alone), row.total, row.partner);
    await alone.context().close();
  }
});

test('a compared partner moves up or leaves; with one left the comparison ends', async () => {
  let page = await open('/?compare=FRA,RUS');
  await page.getByTestId('compare-row').first().waitFor();
  await page.locator('[data-testid="compare-row"][data-partner="RUS"]').getByTestId('compare-up').click();
  assert.equal(await addressSearch(page, '?compare=RUS,FRA'), '?compare=RUS,FRA');
  assert.deepEqual((await compareRows(page)).map((r) => r.partner), ['RUS', 'FRA']);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  page = await open('/?compare=FRA,RUS,CHN');
  await page.getByTestId('compare-row').first().waitFor();
  assert.deepEqual((await compareRows(page)).map((r) => r.partner), ['FRA', 'RUS', 'CHN']);
  await page.locator('[data-testid="compare-row"][data-partner="RUS"]').getByTestId('compare-remove').click();
  assert.equal(await addressSearch(page, '?compare=FRA,CHN'), '?compare=FRA,CHN');
  assert.deepEqual((await compareRows(page)).map((r) => r.partner), ['FRA', 'CHN']);
  await page.locator('[data-testid="compare-row"][data-partner="CHN"]').getByTestId('compare-remove').click();
  assert.equal(await addressSearch(page, ''), '');
  await page.waitForSelector('[data-testid="compare-row"]', { state: 'detached' });
  assert.ok(await page.getByTestId('overview').isVisible());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two partners ticked in the filters are compared with the Compare button', async () => {
  const page = await open('/');
  await tick(page, 'FRA');
  await tick(page, 'RUS');
  await waitForCount(page, count(hasPartner(['FRA', 'RUS'])));
  await page.locator('#filters-panel').getByTestId('compare').click();
  await page
    .waitForFunction(() => new URLSearchParams(location.search).get('compare') === 'FRA,RUS', null, { timeout: 5000 })
    .catch(() => {});
  assert.equal(new URLSearchParams(new URL(page.url()).search).get('compare'), 'FRA,RUS', page.url());
  await page.getByTestId('compare-row').first().waitFor();
  assert.deepEqual((await compareRows(page)).map((r) => r.partner), ['FRA', 'RUS']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a comparison needs two known partners', async () => {
  for (const path of ['/?compare=FRA', '/?compare=XXX,YYY']) {
    const page = await open(path);
    await settle(page);
    assert.equal(await page.getByTestId('compare-row').count(), 0, path);
    assert.ok(await page.getByTestId('overview').isVisible(), path);
    assert.deepEqual(page.problems, [], path);
    await page.context().close();
  }
});

test('a short range is also drawn month by month, or quarter by quarter, and a month can be picked', async () => {
  const page = await open('/?from=2022&to=2022');
  const periods = page.locator('[data-testid="overview-detail"] [data-testid="overview-period"]');
  await periods.first().waitFor();
  const months = await periods.evaluateAll((gs) =>
    gs.map((g) => ({ part: g.dataset.part, count: Number(g.dataset.count), label: g.getAttribute('aria-label') })),
  );
  assert.deepEqual(months.map((m) => m.part), Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`));
  const shown = data.events.filter(inRange(2022, 2022));
  for (const { part, count, label } of months) {
    assert.equal(count, shown.filter((e) => e.date.slice(0, 7) === part).length, part);
    assert.match(label, /^[A-Z][a-z]+ 2022: \d+ steps? toward/);
  }
  // Events known only to the year, or begun before it, are said, not hidden.
  const placed = months.reduce((n, m) => n + m.count, 0);
  if (placed < shown.length) {
    assert.match(await page.getByTestId('overview-detail').textContent(), new RegExp(`${shown.length - placed} events shown`));
  }

  // A click on March picks March.
  const march = await page.locator('[data-testid="overview-period"][data-part="2022-03"]').boundingBox();
  await page.mouse.click(march.x + march.width / 2, march.y + march.height / 2);
  await page.waitForFunction(() => location.search === '?from=2022-03&to=2022-03');
  await waitForCount(page, count(inRange('2022-03', '2022-03')));

  // Three years go by quarter; four go by year alone.
  await page.goto(`${env.site.url}/?from=2021&to=2023`);
  await page.getByTestId('overview-detail').waitFor();
  const quarters = await page.locator('[data-testid="overview-period"]').evaluateAll((gs) => gs.map((g) => g.dataset.part));
  assert.equal(quarters.length, 12);
  assert.equal(quarters[0], '2021-Q1');
  assert.equal(quarters[11], '2023-Q4');
  await page.goto(`${env.site.url}/?from=2020&to=2023`);
  await page.getByTestId('result-count').waitFor();
  assert.equal(await page.getByTestId('overview-detail').count(), 0);
  await page.context().close();
});

test('at phone width the chart and a comparison fit without sideways scrolling, and the eras are easy to tap', async () => {
  for (const path of ['/', '/?compare=FRA,RUS']) {
    const page = await open(path, { viewport: { width: 375, height: 800 } });
    if (path.includes('compare')) await page.getByTestId('compare-row').first().waitFor();
    assert.ok(await page.getByTestId('overview').isVisible(), path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${path}: the page is ${width} px wide`);
    await page.getByTestId('eras').locator('summary').click();
    const heights = await page.getByTestId('era').evaluateAll((buttons) =>
      buttons.map((b) => [b.dataset.era, b.getBoundingClientRect().height]),
    );
    assert.equal(heights.length, data.eras.length);
    assert.deepEqual(heights.filter(([, h]) => h < 24), [], path);
    assert.deepEqual(page.problems, [], path);
    await page.context().close();
  }
});

test('on a phone the eras and how to read the chart are folds, so the first event shows on the first screen', async () => {
  for (const [path, javaScriptEnabled, summary] of [
    ['/', true, 'Eras'],
    ['/fr/', true, 'Périodes'],
    ['/', false, 'Eras'],
  ]) {
    const label = `${path}${javaScriptEnabled ? '' : ' without JavaScript'}`;
    const page = await newPage(env.browser, { viewport: { width: 375, height: 800 }, javaScriptEnabled });
    await page.goto(env.site.url + path);
    if (javaScriptEnabled) await page.getByTestId('result-count').waitFor();
    const title = page.locator('main .event-card .event-title').first();
    await title.waitFor();
    const bottom = await title.evaluate((t) => t.getBoundingClientRect().bottom);
    assert.ok(bottom <= 800, `${label}: the first event's title ends ${bottom} px down an 800 px screen`);
    // The pages written at build time carry no test ids: the eras are found by their class.
    const eras = page.locator('main details.eras');
    assert.equal(await eras.locator('summary').innerText(), summary, label);
    assert.equal(await page.locator('main [data-era]').first().isVisible(), false, label);
    await eras.locator('summary').click();
    assert.ok(await page.locator('main [data-era]').first().isVisible(), label);
    assert.ok(await page.locator('.overview-how summary').isVisible(), label);
    assert.equal(await page.locator('.overview-how p').isVisible(), false, label);
    await page.context().close();
  }
  // Wider, both are open, under no summary to click.
  const page = await open('/', { viewport: { width: 1280, height: 900 } });
  assert.ok(await page.locator('main [data-era]').first().isVisible());
  assert.equal(await page.getByTestId('eras').locator('summary').isVisible(), false);
  assert.ok(await page.locator('.eras .fold-title').isVisible());
  assert.ok(await page.locator('.overview-how p').isVisible());
  assert.equal(await page.locator('.overview-how summary').isVisible(), false);
  await page.context().close();
});

test('the pages written at build time carry the chart: without JavaScript each year\'s figures and the eras show', async () => {
  for (const [path, lang] of [['/', 'en'], ['/fr/', 'fr'], [`/events/${SEED}`, 'en'], [`/fr/events/${SEED}`, 'fr']]) {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    await page.goto(env.site.url + path);
    assert.ok(await page.locator('main svg', { has: page.locator('g[data-year]') }).first().isVisible(), `${path}: the chart shows`);
    assertFigures(await chart(page, byYear(), WRITTEN_YEARS), byYear(), lang, path);
    const eras = page.locator('main [data-era]');
    assert.equal(await eras.count(), data.eras.length, path);
    for (const era of data.eras) {
      const label = await page.locator(`main [data-era="${era.id}"]`).getAttribute('aria-label');
      assert.ok((label || '').includes(era.label[lang]), `${path} ${era.id}: "${label}"`);
    }
    await page.context().close();
  }
});
