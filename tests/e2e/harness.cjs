// Shared end-to-end helpers: a plain static server over a built dist/ and a headless Chromium.
//
// The server behaves like a static host: it serves files as they are (`/x` from `x.html` too) and
// answers anything else with 404.html and status 404.
'use strict';

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const CHROMIUM_ARGS = require('./chromium-args.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const TYPES = require('../../scripts/content-types.cjs');

/**
 * The headers a `_headers` file gives (the format of Netlify and Cloudflare Pages: a path
 * pattern, then indented `Name: value` lines), as [pattern, name, value]; only `/*` and exact
 * paths are read.
 */
function headerRules(dir) {
  const file = path.join(dir, '_headers');
  if (!fs.existsSync(file)) return [];
  const rules = [];
  let pattern = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      pattern = line.trim();
    } else if (pattern) {
      const at = line.indexOf(':');
      rules.push([pattern, line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** Serves `dist` (relative to the project root) under `prefix` ("" or "/sub") on 127.0.0.1. */
async function serve(dist, prefix = '') {
  const dir = path.join(ROOT, dist);
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: build it first (scripts/test.sh does)`);
  }
  const rules = headerRules(dir);
  const server = http.createServer((req, res) => {
    let urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let status = 200;
    let file = null;
    if (urlPath === prefix || urlPath.startsWith(prefix + '/')) {
      let rel = urlPath.slice(prefix.length) || '/';
      if (rel.endsWith('/')) rel += 'index.html';
      // As GitHub Pages, Netlify and Cloudflare Pages do, `/x` is served from `x.html`.
      for (const name of [rel, `${rel}.html`]) {
        const candidate = path.join(dir, path.normalize(name));
        if (!file && candidate.startsWith(dir) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
          file = candidate;
        }
      }
    }
    if (!file) {
      status = 404;
      file = path.join(dir, '404.html');
    }
    const body = fs.readFileSync(file);
    const headers = {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    };
    const own = urlPath.slice(prefix.length) || '/';
    for (const [pattern, name, value] of rules) {
      if (pattern === '/*' || pattern === own) headers[name.toLowerCase()] = value;
    }
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A new page that records console errors, page errors and dialogs. */
async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.dialogs = [];
  page.on('console', (msg) => {
    // The browser also logs each 4xx response; those are recorded with their URL below.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      page.problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    // A deep link's own document answers 404 on a static host by design (404.html boots the app).
    if (res.status() >= 400 && res.request().resourceType() !== 'document') {
      page.problems.push(`http ${res.status()}: ${res.url()}`);
    }
  });
  page.on('dialog', async (dialog) => {
    page.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return page;
}

/**
 * One browser and the static sites a test file needs, started before its tests and closed
 * after them: `sites` maps a name to [dir, base path]. Returns an object whose `browser` and
 * named sites are set once the file's `before` hook has run.
 */
function useBrowserAndSites(sites = { site: ['dist'] }) {
  const { before, after } = require('node:test');
  const env = {};
  before(async () => {
    env.browser = await launch();
    for (const [name, [dir, base]] of Object.entries(sites)) env[name] = await serve(dir, base);
  });
  after(async () => {
    await env.browser?.close();
    for (const name of Object.keys(sites)) await env[name]?.close();
  });
  return env;
}

/** A new page at `url` whose data file is answered by `answer(route)`. */
async function openWithData(browser, url, answer) {
  const page = await newPage(browser);
  await page.route('**/data/events.json', answer);
  await page.goto(url);
  return page;
}

/**
 * The query the address bar shows, once it is `search` (or after 5 s): the page draws a change
 * first and writes it to the address right after that frame.
 */
async function addressSearch(page, search) {
  await page.waitForFunction((s) => location.search === s, search, { timeout: 5000 }).catch(() => {});
  return new URL(page.url()).search;
}

function shippedDataset() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'data', 'events.json'), 'utf8'));
}

module.exports = { serve, launch, newPage, addressSearch, shippedDataset, useBrowserAndSites, openWithData, ROOT };
