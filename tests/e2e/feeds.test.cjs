// The feeds of new and corrected events and the changelog page: what a feed reader and a reader
// following the dataset's releases find, in English and French, at the root and under a sub-path.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { newPage, shippedDataset, useBrowserAndSites, ROOT } = require('./harness.cjs');

const env = useBrowserAndSites({ site: ['dist'], subSite: ['dist-subpath', '/mali-timeline'] });
const data = shippedDataset();
const previous = JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'data', 'versions', '1.json'), 'utf8'));
const byId = new Map(data.events.map((e) => [e.id, e]));
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A value as JSON with its keys sorted, so that two events compare by content. */
const canonical = (value) =>
  JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
/** An event without the dates it was added and corrected on. */
const content = ({ added, changed, ...rest }) => canonical(rest);

const oldById = new Map(previous.events.map((e) => [e.id, e]));
const ADDED = data.events.filter((e) => !oldById.has(e.id)).map((e) => e.id);
const CHANGED = data.events.filter((e) => oldById.has(e.id) && content(oldById.get(e.id)) !== content(e)).map((e) => e.id);
const REMOVED = previous.events.filter((e) => !byId.has(e.id)).map((e) => e.id);

/** The events newest first by the day they were added, then corrected, then by date and id. */
const newest = [...data.events].sort((a, b) => {
  for (const key of ['added', 'changed', 'date', 'id']) {
    const [x, y] = [a[key] || '', b[key] || ''];
    if (x !== y) return x < y ? 1 : -1;
  }
  return 0;
});

/**
 * Fetches the feed at `url` from within `page` and reads it with the browser's XML parser: its
 * status and type, whether it parsed, and the Atom elements a reader needs.
 */
async function readFeed(page, url) {
  return page.evaluate(async (url) => {
    const ATOM = 'http://www.w3.org/2005/Atom';
    const answer = await fetch(url);
    const text = await answer.text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const children = (el, name) => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
    const text1 = (el, name) => {
      const found = children(el, name);
      return found.length === 1 ? found[0].textContent : null;
    };
    const link = (el, rel) => {
      const found = children(el, 'link').filter((l) => (l.getAttribute('rel') || 'alternate') === rel);
      return found.length === 1 ? found[0].getAttribute('href') : null;
    };
    const root = doc.documentElement;
    return {
      status: answer.status,
      type: answer.headers.get('content-type'),
      parseError: doc.getElementsByTagName('parsererror').length > 0,
      root: root.localName,
      namespace: root.namespaceURI,
      lang: root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'),
      id: text1(root, 'id'),
      title: text1(root, 'title'),
      updated: text1(root, 'updated'),
      self: link(root, 'self'),
      alternate: link(root, 'alternate'),
      author: children(root, 'author').map((a) => text1(a, 'name')),
      entries: children(root, 'entry').map((entry) => {
        const html = new DOMParser().parseFromString(text1(entry, 'content') || '', 'text/html');
        return {
          id: text1(entry, 'id'),
          title: text1(entry, 'title'),
          updated: text1(entry, 'updated'),
          published: text1(entry, 'published'),
          link: link(entry, 'alternate'),
          summary: text1(entry, 'summary'),
          categories: children(entry, 'category').map((c) => c.getAttribute('term')),
          contentLinks: [...html.querySelectorAll('a')].map((a) => a.getAttribute('href')),
          contentScripts: html.querySelectorAll('script').length,
        };
      }),
    };
  }, url);
}

test('each language has an Atom feed of the newest events, each entry naming its event page', async () => {
  for (const [site, base] of [[env.site, ''], [env.subSite, '/mali-timeline']]) {
    // The changelog page runs no script: a quiet page to fetch from, on the site's origin.
    const page = await newPage(env.browser);
    await page.goto(`${site.url}/changelog`);
    for (const [lang, prefix] of [['en', ''], ['fr', '/fr']]) {
      const where = `${base}${prefix}/feed.atom`;
      const feed = await readFeed(page, `${site.url}${prefix}/feed.atom`);
      assert.equal(feed.status, 200, where);
      assert.match(feed.type, /^application\/atom\+xml/, where);
      assert.equal(feed.parseError, false, `${where} is well-formed XML`);
      assert.equal(feed.root, 'feed', where);
      assert.equal(feed.namespace, 'http://www.w3.org/2005/Atom', where);
      assert.equal(feed.lang, lang, where);
      assert.ok(feed.id && new URL(feed.id).pathname === where, `${where}: id ${feed.id}`);
      assert.equal(feed.self, feed.id, `${where}: the self link is the feed's id`);
      assert.equal(new URL(feed.alternate).pathname, `${base}${prefix}/`, `${where}: the timeline`);
      assert.ok(feed.title && feed.title.trim(), `${where}: a title`);
      assert.ok(feed.author.length === 1 && feed.author[0].trim(), `${where}: an author's name`);
      assert.match(feed.updated, RFC3339, where);

      assert.equal(feed.entries.length, Math.min(50, data.events.length), where);
      assert.deepEqual(
        feed.entries.map((e) => e.link && new URL(e.link).pathname.split('/').pop()),
        newest.slice(0, feed.entries.length).map((e) => e.id),
        `${where}: the newest events first`,
      );
      for (const entry of feed.entries) {
        const id = new URL(entry.link).pathname.split('/').pop();
        const event = byId.get(id);
        assert.ok(event, `${where}: ${entry.link} names an event`);
        assert.equal(new URL(entry.link).pathname, `${base}${prefix}/events/${id}`, where);
        assert.equal(entry.id, entry.link, `${where}: an entry's id is its page`);
        assert.equal(entry.title, event.title[lang], `${where}: ${id}'s title, as text`);
        assert.equal(entry.summary, event.summary[lang], `${where}: ${id}'s summary`);
        assert.match(entry.updated, RFC3339, `${where}: ${id}`);
        assert.ok(entry.updated.startsWith(event.changed || event.added || event.date), `${where}: ${id} updated ${entry.updated}`);
        if (event.added) assert.ok(entry.published.startsWith(event.added), `${where}: ${id} published`);
        assert.ok(entry.updated <= feed.updated, `${where}: the feed is as new as its newest entry`);
        assert.deepEqual(entry.categories, event.partners, `${where}: ${id}'s partners`);
        assert.equal(entry.contentScripts, 0, `${where}: ${id}'s content is text and links`);
        for (const source of event.sources) assert.ok(entry.contentLinks.includes(source.url), `${where}: ${id} links ${source.url}`);
      }
      assert.equal(feed.updated, feed.entries.map((e) => e.updated).sort().pop(), where);

      // The first entry's page is a real page on the site.
      const first = new URL(feed.entries[0].link);
      const answer = await page.request.get(`${new URL(site.url).origin}${first.pathname}`);
      assert.equal(answer.status(), 200, `${first.pathname} is a written page, not the 404 fallback`);
      assert.ok((await answer.text()).includes(`data-event-id="${newest[0].id}"`), `${first.pathname} shows its event`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('every page names the feed in its language, in its head', async () => {
  for (const [address, feed] of [['/', '/feed.atom'], ['/fr/', '/fr/feed.atom'], [`/events/${data.events[0].id}`, '/feed.atom'], ['/fr/changelog', '/fr/feed.atom']]) {
    for (const javaScriptEnabled of [false, true]) {
      const page = await newPage(env.browser, { javaScriptEnabled });
      const answer = await page.goto(env.site.url + address);
      assert.equal(answer.status(), 200, address);
      if (javaScriptEnabled && !address.includes('changelog')) await page.getByTestId('facet-partner').waitFor({ state: 'attached' });
      const links = await page.evaluate(() =>
        [...document.head.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((l) => ({ href: l.href, title: l.title })),
      );
      assert.equal(links.length, 1, `${address} (script ${javaScriptEnabled}): one feed link`);
      assert.equal(new URL(links[0].href).pathname, feed, address);
      assert.ok(links[0].title.trim(), `${address}: the feed's title`);
      assert.deepEqual(page.problems, [], address);
      await page.context().close();
    }
  }
});

test('the changelog lists each version, newest first, with its events linked to their pages', async () => {
  assert.ok(ADDED.length > 0, 'the newest version added events');
  for (const [site, base] of [[env.site, ''], [env.subSite, '/mali-timeline']]) {
    for (const [lang, prefix, title, added, changed] of [
      ['en', '', 'Changes to the data', 'Added', 'Corrected'],
      ['fr', '/fr', 'Modifications des données', 'Ajoutés', 'Corrigés'],
    ]) {
      const page = await newPage(env.browser);
      const scripts = [];
      page.on('request', (request) => {
        if (['script', 'fetch', 'xhr'].includes(request.resourceType())) scripts.push(request.url());
      });
      const address = `${prefix}/changelog`;
      const answer = await page.goto(site.url + address);
      assert.equal(answer.status(), 200, `${base}${address}: a real page, not the 404 fallback`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.ok((await page.title()).startsWith(title), await page.title());
      assert.equal(await page.locator('main h2').first().textContent(), title);
      // A page of text and links: the app does not start on it.
      await page.waitForTimeout(300);
      assert.equal(await page.locator('script').count(), 0, `${address}: no script`);
      assert.deepEqual(scripts, [], `${address}: nothing downloaded but the page`);
      assert.equal(await page.locator('[data-testid]').count(), 0);

      const sections = await page.locator('main section[id^="version-"]').evaluateAll((s) => s.map((x) => x.id));
      assert.deepEqual(sections.slice(0, 2), [`version-${data.version}`, `version-${previous.version}`], `${address}: newest first`);
      const newestRelease = page.locator(`#version-${data.version}`);
      assert.ok(await newestRelease.isVisible());
      assert.match(await newestRelease.locator('h3').textContent(), new RegExp(`^Version ${data.version}\\b`));
      assert.match(await page.locator(`#version-${previous.version} h3`).textContent(), new RegExp(`^Version ${previous.version}\\b`));
      const headings = await newestRelease.locator('h4').allTextContents();
      assert.ok(headings.includes(`${added} (${ADDED.length})`), `${address}: ${headings}`);
      if (CHANGED.length) assert.ok(headings.includes(`${changed} (${CHANGED.length})`), `${address}: ${headings}`);
      const links = await newestRelease.locator('a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
      assert.equal(links.length, ADDED.length + CHANGED.length, `${address}: each added or corrected event is a link`);
      for (const id of [...ADDED, ...CHANGED]) assert.ok(links.includes(`${base}${prefix}/events/${id}`), `${address}: ${id}`);
      assert.equal(await newestRelease.locator('li').count(), ADDED.length + CHANGED.length + REMOVED.length);
      const firstRelease = await page.locator(`#version-${previous.version} a`).count();
      assert.equal(firstRelease, previous.events.length, `${address}: the first version added every event it had`);

      // An added event's link leads to its page.
      const id = ADDED[0];
      await newestRelease.locator(`a[href$="/events/${id}"]`).click();
      await page.waitForURL(`**${base}${prefix}/events/${id}`);
      await page.locator('.detail-panel h2').filter({ hasText: byId.get(id).title[lang] }).first().waitFor();
      assert.deepEqual(page.problems, [], address);
      await page.context().close();
    }
  }
});
