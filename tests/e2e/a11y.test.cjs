// Accessibility: axe-core finds no violation on each view, in English and in French; the
// keyboard path works; both languages render.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { serve, launch, newPage, shippedDataset } = require('./harness.cjs');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const data = shippedDataset();
const SEED = '2023-07-19-iran-digital-training';
let browser;
let site;

before(async () => {
  browser = await launch();
  site = await serve('dist');
});

after(async () => {
  await browser?.close();
  await site?.close();
});

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
];

for (const lang of ['en', 'fr']) {
  for (const [name, path, testid] of views) {
    for (const scheme of ['light', 'dark']) {
      test(`axe: ${name}, ${lang}, ${scheme}`, async () => {
        const page = await newPage(browser, { colorScheme: scheme });
        const sep = path.includes('?') ? '&' : '?';
        await page.goto(`${site.url}${path}${sep}lang=${lang}`);
        await page.getByTestId(testid).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await axe(page), []);
        await page.context().close();
      });
    }
  }
  test(`axe: load error, ${lang}`, async () => {
    const page = await newPage(browser);
    await page.route('**/data/events.json', (route) => route.fulfill({ status: 500, body: '' }));
    await page.goto(`${site.url}/?lang=${lang}`);
    await page.getByTestId('load-error').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}
