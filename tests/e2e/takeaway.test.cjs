// What a reader takes away: the events shown as CSV, JSON and TimelineJS files, references to
// a view and to an event, the embed code, and the data package.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { newPage, openWithData, shippedDataset, useBrowserAndSites } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'] });
const data = shippedDataset();
const VIEW = '/?partner=RUS&from=2022&to=2022&lang=en';
const inView = data.events.filter((e) => e.partners.includes('RUS') && e.date.startsWith('2022'));

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Opens the results bar's "Export, cite, embed" and, in it, the tool `id`. */
async function openTool(page, id) {
  const tools = page.getByTestId('take-away');
  if (!(await tools.evaluate((d) => d.open))) await tools.locator('> summary').click();
  const tool = tools.getByTestId(id);
  if (!(await tool.evaluate((d) => d.open))) await tool.locator('summary').click();
  return tool;
}

/** Clicks an export button and gives the downloaded file's name and text. */
async function exported(page, format) {
  await openTool(page, 'export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

async function openView(url = VIEW) {
  const page = await newPage(env.browser);
  await page.goto(env.site.url + url);
  await page.getByTestId('result-count').waitFor();
  return page;
}

test('each export holds the events on screen, in their order, in a file named after the view', async () => {
  const page = await openView();
  const count = await page.getByTestId('result-count').textContent();
  assert.equal(count, `${inView.length} of ${data.events.length} events`);
  const shown = await page.locator('.timeline [data-event-id]').evaluateAll((cards) => cards.map((c) => c.dataset.eventId));

  const csv = await exported(page, 'csv');
  assert.equal(csv.name, 'mali-timeline-RUS-2022.csv');
  const rows = csvRows(csv.text);
  assert.deepEqual(rows[0], ['id', 'date', 'date_precision', 'kind', 'stance', 'partners', 'sectors', 'title_en', 'title_fr', 'summary_en', 'summary_fr', 'source_urls', 'url', 'end_date', 'related', 'note_en', 'note_fr', 'added', 'changed']);
  assert.equal(rows.length - 1, inView.length, 'one row per event counted on screen');
  assert.deepEqual(rows.slice(1, 1 + shown.length).map((r) => r[0]), shown, 'in the order on screen');
  const first = data.events.find((e) => e.id === rows[1][0]);
  assert.equal(rows[1][7], first.title.en);
  assert.equal(rows[1][11], first.sources.map((s) => s.url).join(';'));
  assert.equal(rows[1][12], `${env.site.url}/events/${first.id}?v=${data.version}`, "the event's page in this release");

  const json = await exported(page, 'json');
  assert.equal(json.name, 'mali-timeline-RUS-2022.json');
  assert.deepEqual(JSON.parse(json.text).events.map((e) => e.id).slice(0, shown.length), shown);
  assert.equal(JSON.parse(json.text).events.length, inView.length);

  const tl = await exported(page, 'timeline-json');
  assert.equal(tl.name, 'mali-timeline-RUS-2022.timeline.json');
  assert.equal(JSON.parse(tl.text).events.length, inView.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the JSON export loads back through the app as it is, with nothing left out', async () => {
  const page = await openView();
  const { text } = await exported(page, 'json');
  await page.context().close();
  const back = await openWithData(env.browser, env.site.url + '/?lang=en', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: text }),
  );
  const count = back.getByTestId('result-count');
  await count.waitFor();
  assert.equal(await count.textContent(), `${inView.length} of ${inView.length} events`);
  assert.equal(await back.locator('.data-warnings').count(), 0, 'no event left out');
  assert.deepEqual(back.problems, []);
  await back.context().close();
});

test('the TimelineJS export opens in TimelineJS 3.9 with one slide per event', async () => {
  const page = await openView();
  const { text } = await exported(page, 'timeline-json');
  await page.context().close();
  const dist = path.join(process.env.NODE_PATH, '@knight-lab', 'timelinejs', 'dist');
  const host = http.createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><link rel="stylesheet" href="/css/timeline.css"><script src="/js/timeline.js"></script>
        <div id="tl" style="width:900px;height:600px"></div>
        <script>window.tl = new TL.Timeline('tl', ${text.replace(/</g, '\\u003c')}, { script_path: '/js/', font: null });</script>`);
      return;
    }
    const file = path.join(dist, path.normalize(req.url));
    if (!file.startsWith(dist) || !fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const tlPage = await newPage(env.browser);
  await tlPage.goto(`http://127.0.0.1:${host.address().port}/`);
  await tlPage.waitForFunction(() => document.querySelectorAll('.tl-slide').length > 0);
  const slides = await tlPage.evaluate(() => ({
    events: document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide)').length,
    headlines: [...document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide) .tl-headline')].map((h) => h.textContent.trim()),
  }));
  assert.equal(slides.events, inView.length);
  for (const event of inView) assert.ok(slides.headlines.includes(event.title.en), event.title.en);
  await tlPage.context().close();
  await new Promise((r) => host.close(r));
});

test("a view's and an event's references name the dataset, its release, the address and the day", async () => {
  const page = await openView();
  await openTool(page, 'cite');
  const bibtex = await page.getByTestId('cite-bibtex').textContent();
  assert.match(bibtex, /^@misc\{/);
  assert.match(bibtex, new RegExp(`version ${data.version}`));
  assert.match(bibtex, /\?partner=RUS&from=2022&to=2022&v=2\}/);
  const today = new Date().toISOString().slice(0, 10);
  assert.match(bibtex, new RegExp(`urldate = \\{${today}\\}`));
  const apa = await page.getByTestId('cite-apa').textContent();
  assert.match(apa, /Russia, 2022/);
  const csl = JSON.parse(await page.getByTestId('cite-csljson').textContent());
  assert.equal(csl[0].version, String(data.version));

  // An open event's reference names the event's id.
  const event = inView[0];
  await page.goto(`${env.site.url}/events/${event.id}?lang=en`);
  const detailCite = page.locator('.detail-panel [data-testid="cite"]');
  await detailCite.locator('summary').click();
  const eventBibtex = await detailCite.getByTestId('cite-bibtex').textContent();
  assert.match(eventBibtex, /^@misc\{/);
  assert.ok(eventBibtex.includes(event.id.replace(/-/g, '_')) || eventBibtex.includes(event.id), eventBibtex);
  assert.ok(eventBibtex.includes(`/events/${event.id}?v=${data.version}`), eventBibtex);
  assert.ok(eventBibtex.includes(event.title.en), eventBibtex);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a copy button puts the reference on the clipboard and says so', async () => {
  const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(env.site.url + '/fr/?partner=RUS');
  await openTool(page, 'cite');
  await page.getByTestId('cite-bibtex-copy').click();
  const form = page.locator('.cite-form').filter({ has: page.getByTestId('cite-bibtex') });
  await page.waitForFunction(() => [...document.querySelectorAll('.copy-status')].some((s) => s.textContent === 'Copié'));
  assert.equal(await form.locator('.copy-status').textContent(), 'Copié');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.getByTestId('cite-bibtex').textContent());
  await page.context().close();
});

test('the embed code frames the same view, alone, on the release shown', async () => {
  const page = await openView();
  await openTool(page, 'embed');
  const code = await page.getByTestId('embed-code').inputValue();
  const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  assert.equal(new URL(src).search, '?partner=RUS&from=2022&to=2022&lang=en&v=2&embed=1');
  assert.match(code, /^<iframe [^>]*title="Russia, 2022"/);
  await page.context().close();
});

test('the data package is linked from the page and lists its tables', async () => {
  const page = await openView();
  const link = page.getByTestId('download-data');
  assert.equal(await link.textContent(), 'Download the data');
  const href = await link.evaluate((a) => a.href);
  const pkg = await (await fetch(href)).json();
  assert.deepEqual(pkg.resources.map((r) => r.path).sort(), ['eras.csv', 'events.csv', 'partners.csv', 'sectors.csv', 'sources.csv']);
  const events = await (await fetch(new URL('events.csv', href))).text();
  assert.equal(csvRows(events).length - 1, data.events.length);
  await page.context().close();
});
