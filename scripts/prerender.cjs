#!/usr/bin/env node
// Writes the timeline's first screen into a built index.html, so the page shows its newest
// events before the app's code has even downloaded.
//
//   node scripts/prerender.cjs <dist> [--data <events.json>]
//
// The built app itself draws it: <dist> is served on 127.0.0.1 (under the public URL of its
// <base href>), opened in headless Chromium in English, and the document's body is copied in
// the first frame that shows an event (the app's own first frame: a screenful of the default
// timeline, the filters not yet built). Each top-level element of that copy is marked
// `data-prerendered`; the app removes them when it draws its own page (src/web/first_screen.rs), and
// the start-up check in index.html hides them for any address other than the plain timeline
// in English. Running it again replaces what an earlier run wrote. `--data` answers the events
// file with another file (the benchmark's synthetic events).
//
// Without Chromium or playwright-core, or if no event is drawn, it says why and leaves
// index.html as it was: the page then works as before, only without the early first screen.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const START = '<!-- prerendered first screen -->';
const END = '<!-- /prerendered first screen -->';
const TYPES = require('./content-types.cjs');

/** index.html without what an earlier run wrote. */
function withoutFirstScreen(html) {
  const start = html.indexOf(START);
  const end = html.indexOf(END);
  if (start < 0 || end < start) return html;
  return html.slice(0, start) + html.slice(end + END.length);
}

function serve(dir, base, html, data) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const rel = urlPath.startsWith(base) ? urlPath.slice(base.length) : null;
    let body = null;
    let type = TYPES['.html'];
    if (rel === '' || rel === 'index.html') {
      body = html;
    } else if (rel !== null) {
      const file = rel === 'data/events.json' && data ? data : path.join(dir, path.normalize(rel));
      if ((file === data || file.startsWith(dir)) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        body = fs.readFileSync(file);
        type = TYPES[path.extname(file)] || 'application/octet-stream';
      }
    }
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** In the page: the body's elements in the first frame that shows an event. */
function copyFirstFrame() {
  const poll = () => {
    if (document.querySelector('.timeline [data-event-id]')) {
      const parts = [];
      for (const child of document.body.children) {
        if (['SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(child.tagName)) continue;
        const copy = child.cloneNode(true);
        copy.setAttribute('data-prerendered', '');
        // A control that only the app can answer is left for the app to draw.
        copy.querySelectorAll('button.load-more').forEach((b) => b.remove());
        // Test ids name the app's live controls; this copy is not one of them.
        for (const e of [copy, ...copy.querySelectorAll('[data-testid]')]) e.removeAttribute('data-testid');
        parts.push(copy.outerHTML);
      }
      window.__firstScreen = parts.join('');
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function main() {
  const args = process.argv.slice(2);
  const dir = path.resolve(args[0] || 'dist');
  const dataAt = args.indexOf('--data');
  const data = dataAt >= 0 ? path.resolve(args[dataAt + 1]) : null;
  const indexPath = path.join(dir, 'index.html');
  const html = withoutFirstScreen(fs.readFileSync(indexPath, 'utf8'));
  const baseHref = /<base href="([^"]*)"/.exec(html);
  const base = baseHref ? (baseHref[1].endsWith('/') ? baseHref[1] : baseHref[1] + '/') : '/';
  if (!html.includes('</body>')) throw new Error('index.html has no </body> tag to write before');

  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    throw new Error('playwright-core is not installed (scripts/setup.sh installs it)');
  }
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}`);

  const server = await serve(dir, base, html, data);
  const browser = await chromium.launch({
    executablePath,
    args: require(path.join(__dirname, '..', 'tests', 'e2e', 'chromium-args.cjs')),
  });
  let screen;
  try {
    // A window tall enough that the first frame draws the whole first page of events.
    const context = await browser.newContext({ viewport: { width: 1280, height: 5000 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.addInitScript(copyFirstFrame);
    await page.goto(`http://127.0.0.1:${server.address().port}${base}`);
    await page.waitForFunction(() => window.__firstScreen, null, { timeout: 60000, polling: 100 });
    screen = await page.evaluate(() => window.__firstScreen);
  } finally {
    await browser.close();
    server.close();
  }
  if (/<script/i.test(screen)) throw new Error('the first screen holds a script');
  // After the <noscript> note, so that a browser without JavaScript shows both.
  const out = html.replace('</body>', `${START}${screen}${END}\n</body>`);
  fs.writeFileSync(indexPath, out);
  const events = (screen.match(/data-event-id=/g) || []).length;
  console.log(`prerender: ${path.relative(process.cwd(), indexPath) || indexPath}: first screen of ${events} events, ${screen.length} bytes`);
}

main().catch((error) => {
  console.warn(`prerender: index.html left without a first screen: ${error.message}`);
  process.exitCode = process.env.PRERENDER_REQUIRED ? 1 : 0;
});
