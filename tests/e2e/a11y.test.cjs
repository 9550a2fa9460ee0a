// Accessibility: axe-core finds no violation on each view, in English and in French; the
// keyboard path works; both languages render.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { newPage, addressSearch, openWithData, shippedDataset, useBrowserAndSites } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'] });

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const data = shippedDataset();
const SEED = '2023-07-19-iran-digital-training';



async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(' ')} — ${v.help}`);
}

const views = [
  ['timeline', '/', 'result-count'],
  ['filtered view', '/?partner=IRN,RUS&sector=defence&q=drone', 'result-count'],
  ['open event', `/events/${SEED}`, 'event-detail'],
  ['empty result', '/?partner=IRN&q=lithium', 'empty-state'],
  ['event not found', '/events/no-such-event', 'event-not-found'],
  ['page not found', '/no/such/page', 'not-found'],
  ['compare view', '/?compare=FRA,RUS&from=2021&to=2023', 'overview'],
  ['earlier release', '/?v=1', 'version-notice'],
  ['embedded view', '/?partner=RUS&embed=1', 'result-count'],
];

for (const lang of ['en', 'fr']) {
  for (const [name, path, testid] of views) {
    for (const scheme of ['light', 'dark']) {
      test(`axe: ${name}, ${lang}, ${scheme}`, async () => {
        const page = await newPage(env.browser, { colorScheme: scheme });
        const sep = path.includes('?') ? '&' : '?';
        await page.goto(`${env.site.url}${path}${sep}lang=${lang}`);
        await page.getByTestId(testid).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await axe(page), []);
        await page.context().close();
      });
    }
  }
  for (const scheme of ['light', 'dark']) {
    test(`axe: export, cite, embed and the data open, and an event's Cite, ${lang}, ${scheme}`, async () => {
      const page = await newPage(env.browser, { colorScheme: scheme });
      await page.goto(`${env.site.url}/events/${SEED}?partner=IRN&lang=${lang}`);
      await page.getByTestId('event-detail').waitFor();
      await page.getByTestId('take-away').locator('> summary').click();
      for (const id of ['export', 'cite', 'embed', 'data-links']) {
        await page.locator(`.take-away [data-testid="${id}"] > summary`).click();
      }
      await page.locator('.detail-panel [data-testid="cite"] > summary').click();
      // Each fold draws its body on its toggle event, which comes in a task after the click.
      await page.getByTestId('embed-code').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.cite-form').length === 8);
      assert.deepEqual(await axe(page), []);
      await page.context().close();
    });
  }
  test(`axe: load error, ${lang}`, async () => {
    const page = await openWithData(env.browser, `${env.site.url}/?lang=${lang}`, (route) =>
      route.fulfill({ status: 500, body: '' }),
    );
    await page.getByTestId('load-error').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}

test('axe at phone width, filters open and an event open: touch targets and contrast hold', async () => {
  for (const lang of ['en', 'fr']) {
    const page = await newPage(env.browser, { viewport: { width: 375, height: 800 } });
    await page.goto(`${env.site.url}/?partner=IRN&lang=${lang}`);
    await page.getByTestId('result-count').waitFor();
    await page.locator('.filters-toggle').click();
    await page.getByTestId('facet-sector').locator('summary').click();
    assert.deepEqual(await axe(page), [], lang);
    // Every control outside running text is at least 24 px high (a checkbox's target is its
    // whole label row, checked below with the labels).
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input:not([type=checkbox]), summary, .lang-switch, .facet label, .card-sources a')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => [el.tagName + '.' + el.className, el.getBoundingClientRect().height])
        .filter(([, h]) => h < 24),
    );
    assert.deepEqual(small, [], lang);
    await page.goto(`${env.site.url}/events/${SEED}?lang=${lang}`);
    await page.getByTestId('event-detail').waitFor();
    assert.deepEqual(await axe(page), [], lang);
    await page.context().close();
  }
});

test('the keyboard path: / searches, j and k move, Enter opens, Escape closes and returns focus', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.site.url}/?partner=IRN&sort=asc`);
  await page.getByTestId('result-count').waitFor();
  // The filters come a frame after the list: the reader sees the field before reaching for it.
  await page.locator('#search-input').waitFor();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  const focusedEvent = () =>
    page.evaluate(() => document.activeElement.closest('[data-event-id]')?.getAttribute('data-event-id'));
  const iran = data.events.filter((e) => e.partners.includes('IRN')).sort((a, b) => (a.date < b.date ? -1 : 1));
  await page.keyboard.press('j');
  assert.equal(await focusedEvent(), iran[0].id);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  assert.equal(await focusedEvent(), iran[1].id);
  await page.keyboard.press('Enter');
  await page.getByTestId('event-detail').waitFor();
  assert.equal(new URL(page.url()).pathname, `/events/${iran[1].id}`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="event-detail"]', { state: 'detached' });
  assert.equal(new URL(page.url()).search, '?partner=IRN&sort=asc');
  await page.waitForFunction((id) => document.activeElement.closest('[data-event-id]')?.getAttribute('data-event-id') === id, iran[1].id);
  // Focus is visible: the focused link draws an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.context().close();
});

test('French and English renderings, and the language switch keeps the view', async () => {
  const page = await newPage(env.browser, { locale: 'fr-FR' });
  await page.goto(`${env.site.url}/events/${SEED}?partner=IRN`);
  const detail = page.getByTestId('event-detail');
  await detail.waitFor();
  const seed = data.events.find((e) => e.id === SEED);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr', 'French from the browser');
  assert.equal(await detail.locator('h2').textContent(), seed.title.fr);
  assert.ok((await detail.textContent()).includes('19 juillet 2023'));
  assert.match(await page.getByTestId('result-count').textContent(), /événements sur/);
  assert.ok((await page.getByTestId('facet-partner').textContent()).includes('Partenaire'));
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await addressSearch(page, '?partner=IRN&lang=en'), '?partner=IRN&lang=en');
  assert.equal(new URL(page.url()).pathname, `/events/${SEED}`);
  assert.equal(await detail.locator('h2').textContent(), seed.title.en);
  assert.ok((await detail.textContent()).includes('19 July 2023'));
  // Links the app makes keep the language.
  const back = await page.getByTestId('close-detail').evaluate((a) => a.href);
  assert.ok(back.endsWith('?partner=IRN&lang=en'), back);
  await page.context().close();
});

test('printing a filtered view gives the chronology with the sources in full', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.site.url}/?partner=IRN`);
  await page.getByTestId('result-count').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#filters-panel').isVisible(), false);
  const seed = data.events.find((e) => e.id === SEED);
  const urls = await page.locator(`.timeline [data-event-id="${SEED}"] .source-url`).evaluateAll((els) =>
    els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.textContent),
  );
  assert.deepEqual(urls, seed.sources.map((s) => s.url));
  await page.context().close();
});
