#!/usr/bin/env node
// Performance benchmark: mali-timeline (the release build in dist/) against TimelineJS and
// vis-timeline on the same synthetic events, in headless Chromium, served on 127.0.0.1 only.
//
//   node bench/run.cjs                  the full run (~20 min on 2 cores); writes bench/results.md
//   node bench/run.cjs --quick          a smoke run: n = 100 and 1000, one run each
//   node bench/run.cjs --sizes=100,1000 --runs=3 --tools=ours,vis
//
// See bench/README.md for what is measured and how.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const os = require('node:os');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');

const { FILTER_PARTNER, SEARCH_CHAR, writeAll } = require('./generate.cjs');

const BENCH = __dirname;
const ROOT = path.resolve(BENCH, '..');
const WORK = path.join(BENCH, '.work');
const DIST = path.join(ROOT, 'dist');
const OURS = path.join(WORK, 'ours');
const DATA = path.join(WORK, 'data');
const NM = path.join(BENCH, 'node_modules');
const TL_DIST = path.join(NM, '@knight-lab', 'timelinejs', 'dist');
const VIS_JS = path.join(NM, 'vis-timeline', 'standalone', 'umd', 'vis-timeline-graph2d.min.js');
const VIS_CSS = path.join(NM, 'vis-timeline', 'styles', 'vis-timeline-graph2d.min.css');

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const QUICK = argv.includes('--quick');
let SIZES = opt('sizes', QUICK ? '100,1000' : '100,1000,10000,100000').split(',').map(Number);
let TOOLS = opt('tools', 'ours,vis,tl').split(',');
const RUNS_OVERRIDE = opt('runs', QUICK ? '1' : null);
/** Runs per n: at least 5, 3 at 100000 (each of those takes a minute or more). */
const runsFor = (n) => (RUNS_OVERRIDE ? Number(RUNS_OVERRIDE) : n >= 100000 ? 3 : 5);
/**
 * Filter toggles / search keystrokes per load: even (each load ends unfiltered) and >= 20 in
 * all for filter and for search, so that both have a p95 at every size.
 * At 100000 only the first load samples, as many as its time budget allows (SAMPLE_BUDGET_100K).
 */
const SAMPLES_OVERRIDE = opt('samples', QUICK ? '4' : null);
const samplesFor = (n, kind) => {
  if (SAMPLES_OVERRIDE) return Number(SAMPLES_OVERRIDE);
  if (n >= 100000) return 20;
  const k = Math.ceil(20 / runsFor(n));
  return k % 2 ? k + 1 : k;
};
/** Seconds of sampling per kind in the one sampled load at 100000. */
const SAMPLE_BUDGET_100K = { filter: 240, search: 120 };
/** The whole run's budget: extra loads at 100000 are made only while they fit in it. */
const BUDGET_S = Number(opt('budget-min', '25')) * 60;
const PEER_TIMEOUT_100K = 60_000;
/** How long a page may take to show its first event before it is recorded as "timeout". */
const firstTimeout = (tool, n) => (n >= 100000 ? (tool === 'ours' ? 240_000 : PEER_TIMEOUT_100K) : 120_000);
const sampleTimeout = (n) => (n >= 100000 ? 120_000 : 30_000);
const QUIET_MS = 200; // a sample is over when nothing changed for this long after the paint

const TOOL_NAMES = { ours: 'mali-timeline', vis: 'vis-timeline', tl: 'TimelineJS' };
const T0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - T0) / 1000).toFixed(0).padStart(4)} s]`, ...a);

// ---------------------------------------------------------------------------------------------
// Setup: dependencies, a snapshot of dist/, the datasets

function ensureDeps() {
  const want = JSON.parse(fs.readFileSync(path.join(BENCH, 'package.json'), 'utf8')).dependencies;
  const missing = Object.entries(want).filter(([name, version]) => {
    const pj = path.join(NM, name, 'package.json');
    return !fs.existsSync(pj) || JSON.parse(fs.readFileSync(pj, 'utf8')).version !== version;
  });
  if (!missing.length) return;
  const lock = fs.existsSync(path.join(BENCH, 'package-lock.json'));
  log(`installing ${missing.map(([n]) => n).join(', ')} with npm ${lock ? 'ci' : 'install'}`);
  execFileSync('npm', [lock ? 'ci' : 'install', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

function sri(file) {
  return 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64');
}

/**
 * Copies dist/ to .work/ours once, so a rebuild during the run does not disturb it, and checks
 * that the copy is one consistent build: every file index.html names is there with the hash its
 * integrity attribute gives. A copy taken in the middle of a build is retried.
 */
function snapshotOurs() {
  for (let attempt = 1; attempt <= 30; attempt++) {
    fs.rmSync(OURS, { recursive: true, force: true });
    if (!fs.existsSync(path.join(DIST, 'index.html'))) {
      log('dist/index.html is missing (a build may be running): waiting');
    } else {
      // trunk stages a build in dist/.stage and moves it in at the end: only the moved-in build counts.
      fs.cpSync(DIST, OURS, {
        recursive: true,
        filter: (src) => {
          const rel = path.relative(DIST, src);
          return !rel.startsWith('.stage') && !rel.endsWith('.trunk-lock');
        },
      });
      const problems = [];
      // Every file named by index.html, and by the scripts it loads, must be there ...
      const referenced = new Set();
      const queue = ['index.html'];
      while (queue.length) {
        const file = queue.shift();
        const text = fs.readFileSync(path.join(OURS, file), 'utf8');
        for (const m of text.matchAll(/['"]\/([\w.-]+\.(?:js|wasm|css))['"]/g)) {
          const ref = m[1];
          if (referenced.has(ref)) continue;
          referenced.add(ref);
          if (!fs.existsSync(path.join(OURS, ref))) problems.push(`missing ${ref}`);
          else if (ref.endsWith('.js')) queue.push(ref);
        }
      }
      // ... with the hash index.html's integrity attributes give.
      const html = fs.readFileSync(path.join(OURS, 'index.html'), 'utf8');
      for (const [, ref, hash] of html.matchAll(/href="\/([^"]+)"[^>]*integrity="([^"]+)"/g)) {
        const f = path.join(OURS, ref);
        if (fs.existsSync(f) && sri(f) !== hash) problems.push(`hash of ${ref} differs from index.html`);
      }
      const files = [...referenced].sort();
      const wasm = files.filter((f) => f.endsWith('.wasm'));
      if (wasm.length !== 1) problems.push(`expected one wasm, found ${wasm.length}`);
      if (!problems.length) {
        return { files, builtAt: fs.statSync(path.join(OURS, wasm[0])).mtime.toISOString() };
      }
      log(`dist/ is not a consistent build (${problems.join('; ')}): waiting`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  }
  throw new Error('dist/ never held a consistent build');
}

// ---------------------------------------------------------------------------------------------
// Static servers on 127.0.0.1

const TYPES = require(path.join(ROOT, 'scripts', 'content-types.cjs'));

/** A server whose `resolve(urlPath)` gives a file path, or {html} for a page, or null for 404. */
async function serve(resolve) {
  const server = http.createServer((req, res) => {
    let target = null;
    try {
      target = resolve(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    } catch {
      target = null;
    }
    if (target && typeof target === 'object') {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(target.html);
      return;
    }
    if (!target || !fs.existsSync(target) || !fs.statSync(target).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(target)] || 'application/octet-stream',
      'content-length': fs.statSync(target).size,
      'cache-control': 'no-store',
    });
    fs.createReadStream(target).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

function inside(dir, rel) {
  const f = path.join(dir, path.normalize(rel));
  return f.startsWith(dir + path.sep) ? f : null;
}

/**
 * Our dist for the n-event file: a copy of the snapshot whose index.html is the timeline's page
 * written for that file by the app's renderer (src/bin/render/main.rs), as `trunk build` writes it
 * for the shipped events (a site built with those events).
 */
function oursFor(n) {
  const dir = path.join(WORK, `ours-${n}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(OURS, dir, { recursive: true });
  execFileSync('cargo', ['run', '--offline', '--quiet', '--no-default-features', '--features', 'ssr', '--bin', 'render', '--', dir, '--data', path.join(DATA, `ours-${n}.json`), '--home-only'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return dir;
}

/** Our dist for n events at the root of its own origin, data/events.json answered by the n-event file. */
function serveOurs(n) {
  const dir = oursFor(n);
  return serve((p) => {
    if (p === '/data/events.json') return path.join(DATA, `ours-${n}.json`);
    const f = p === '/' ? path.join(dir, 'index.html') : inside(dir, p.slice(1));
    // Like a static host (and tests/e2e/harness.cjs): unknown paths get 404.html, which boots the app.
    return f && fs.existsSync(f) ? f : path.join(dir, '404.html');
  });
}

const VIS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>vis-timeline</title>
<link rel="stylesheet" href="/vis/vis-timeline-graph2d.min.css">
<script src="/vis/vis-timeline-graph2d.min.js"></script>
</head><body><div id="timeline"></div>
<script>
(async () => {
  const n = new URLSearchParams(location.search).get('n');
  const items = await (await fetch('/data/vis-' + n + '.json')).json();
  const data = new vis.DataSet(items);
  let partner = null;
  const view = new vis.DataView(data, { filter: (item) => partner === null || item.partners.includes(partner) });
  const timeline = new vis.Timeline(document.getElementById('timeline'), view, {});
  window.__vis = { data, view, timeline, setPartner(p) { partner = p; view.refresh(); } };
})();
</script></body></html>`;

// font: null keeps TimelineJS from loading web fonts from Google (no network here; ours uses none).
const TL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
<style>html,body{margin:0} #timeline{width:100%;height:650px}</style>
</head><body><div id="timeline"></div>
<script>
(async () => {
  const n = new URLSearchParams(location.search).get('n');
  const data = await (await fetch('/data/tl-' + n + '.json')).json();
  window.__tl = new TL.Timeline('timeline', data, { script_path: '/tl/js/', font: null });
})();
</script></body></html>`;

function servePeers() {
  return serve((p) => {
    if (p === '/vis.html') return { html: VIS_PAGE };
    if (p === '/timelinejs.html') return { html: TL_PAGE };
    if (p === '/vis/vis-timeline-graph2d.min.js') return VIS_JS;
    if (p === '/vis/vis-timeline-graph2d.min.css') return VIS_CSS;
    if (p.startsWith('/tl/')) return inside(TL_DIST, p.slice(4));
    if (/^\/data\/(tl|vis)-\d+\.json$/.test(p)) return path.join(DATA, p.slice(6));
    return null;
  });
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation (runs before any page script)

function instrument(cfg) {
  const B = (window.__bench = { cfg, first: null, sample: null, wasm: null, longTasks: [] });
  // Tasks of 50 ms or more (the browser's "long tasks"), during which the page cannot answer.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  addEventListener('TrunkApplicationStarted', (e) => {
    B.wasm = e.detail && e.detail.wasm;
  });
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth)) return false;
    return getComputedStyle(el).visibility !== 'hidden';
  };
  // The first event on screen: polled once per frame, so the time is that of a frame that shows
  // it; tPaint, a task after that frame's rendering, is when it was painted.
  const poll = () => {
    const els = document.querySelectorAll(cfg.selector);
    const limit = Math.min(els.length, 200);
    for (let i = 0; i < limit; i++) {
      if (visible(els[i])) {
        const tFound = performance.now();
        const matches = els.length;
        setTimeout(() => {
          B.first = { tFound, tPaint: performance.now(), matches };
          if (window.__benchFirst) window.__benchFirst(B.first);
        }, 0);
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // Ours: the first event drawn by the app itself, once it has replaced index.html's first screen.
  if (cfg.own) {
    const pollOwn = () => {
      const els = document.querySelectorAll(cfg.selector);
      const limit = Math.min(els.length, 200);
      for (let i = 0; i < limit; i++) {
        if (!els[i].closest(cfg.own) && visible(els[i])) {
          B.own = performance.now();
          return;
        }
      }
      requestAnimationFrame(pollOwn);
    };
    requestAnimationFrame(pollOwn);
  }
  // Every event read (ours): the result count, which comes with the filters once the whole file
  // is loaded (before that, a long file shows its newest events only).
  if (cfg.complete) {
    const pollComplete = () => {
      if (document.querySelector(cfg.complete)) B.complete = performance.now();
      else requestAnimationFrame(pollComplete);
    };
    requestAnimationFrame(pollComplete);
  }

  // One filter or search sample: arm before the action; the action's `input` event (or an
  // explicit start for vis-timeline) starts the clock; mutations of the result count and of the
  // list stop it; tPaint is a task after the frame that follows the last mutation.
  B.arm = (kind, countSel, watch) => {
    if (B.sample && B.sample.stop) B.sample.stop();
    const s = (B.sample = { kind, tInput: null, tCount: null, tFirst: null, tLast: null, tPaint: null, before: null, after: null, mutations: 0 });
    const countEl = countSel ? document.querySelector(countSel) : null;
    if (countEl) s.before = countEl.textContent;
    const onInput = () => {
      if (s.tInput === null) s.tInput = performance.now();
    };
    window.addEventListener('input', onInput, { capture: true });
    const mo = new MutationObserver((records) => {
      const now = performance.now();
      s.mutations += records.length;
      if (s.tFirst === null) s.tFirst = now;
      if (countSel && s.tCount === null) {
        const text = document.querySelector(countSel).textContent;
        if (text !== s.before) {
          s.tCount = now;
          s.after = text;
        }
      }
      s.tLast = now;
      const stamp = now;
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (s.tLast === stamp) s.tPaint = performance.now();
        }, 0),
      );
    });
    if (countEl) mo.observe(countEl, { childList: true, characterData: true, subtree: true });
    for (const [sel, opts] of watch) {
      const el = document.querySelector(sel);
      if (el) mo.observe(el, opts);
    }
    s.start = () => {
      s.tInput = performance.now();
    };
    s.stop = () => {
      mo.disconnect();
      window.removeEventListener('input', onInput, { capture: true });
    };
  };
  B.done = () => {
    const s = B.sample;
    const hit = s.before !== null ? s.tCount !== null : s.tFirst !== null;
    return s.tInput !== null && hit && s.tPaint !== null && performance.now() - s.tLast > 200;
  };
}

const SELECTORS = {
  ours: '.timeline [data-event-id]',
  vis: '.vis-item',
  tl: '.tl-slide .tl-headline, .tl-timemarker',
};

// ---------------------------------------------------------------------------------------------
// One page load: first render, memory, bytes, then filter and search samples

let chromium;
const LAUNCH_ARGS = [
  // The flags the end-to-end tests use ...
  ...require('../tests/e2e/chromium-args.cjs'),
  // ... and no name but 127.0.0.1 resolves, so nothing can leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];

function withTimeout(promise, ms, what) {
  let timer;
  promise.catch(() => {}); // the loser of the race may reject later (e.g. when the browser closes)
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`${what}: timeout after ${ms / 1000} s`), { timeout: true })), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function samplePage(page) {
  await page.waitForFunction(() => window.__bench.done(), null, { polling: 25, timeout: 0 });
  const r = await page.evaluate(() => {
    const s = window.__bench.sample;
    s.stop();
    return { tInput: s.tInput, tCount: s.tCount, tFirst: s.tFirst, tLast: s.tLast, tPaint: s.tPaint, before: s.before, after: s.after, mutations: s.mutations };
  });
  const dom = (r.tCount ?? r.tFirst) - r.tInput;
  return { dom, last: r.tLast - r.tInput, paint: r.tPaint - r.tInput, before: r.before, after: r.after, mutations: r.mutations };
}

/** Names of other processes busy on the machine now (not this run's own process tree). */
function otherBusyProcesses() {
  try {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,pcpu=,comm='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .map(([pid, ppid, pcpu, ...comm]) => ({ pid: +pid, ppid: +ppid, pcpu: +pcpu, comm: comm.join(' ') }));
    const ours = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of rows) if (!ours.has(r.pid) && ours.has(r.ppid)) ours.add(r.pid), (grew = true);
    }
    return rows.filter((r) => !ours.has(r.pid) && r.pcpu >= 25 && r.comm !== 'ps').map((r) => r.comm);
  } catch {
    return [];
  }
}

/** Kinds ("vis:10000:filter") whose sample timed out: later loads do not sample them again. */
const CENSORED = new Set();

/** Filter or search samples, alternately on (narrowing) and off (widening back). */
async function runSamples(page, result, n, kind, act) {
  result[kind] = [];
  const key = `${result.tool}:${n}:${kind}`;
  if (CENSORED.has(key)) {
    result.notes.push(`${kind}: not sampled, an earlier load at this n timed out`);
    return;
  }
  const count = samplesFor(n, kind);
  const budget = n >= 100000 ? SAMPLE_BUDGET_100K[kind] * 1000 : Infinity;
  const t0 = Date.now();
  for (let i = 0; i < count; i++) {
    const on = i % 2 === 0;
    if (Date.now() - t0 > budget) {
      result.notes.push(`${kind}: stopped after ${i} samples, the ${budget / 1000} s budget was spent`);
      break;
    }
    try {
      const r = await withTimeout(
        (async () => {
          await act(on);
          return samplePage(page);
        })(),
        sampleTimeout(n),
        `${kind} sample`,
      );
      result[kind].push({ on, ...r });
    } catch (e) {
      if (e.timeout) {
        result[kind].push({ on, timeout: true, dom: Infinity, last: Infinity, paint: Infinity });
        result.problems.push(`${kind} ${on ? 'on' : 'off'}: no updated list within ${sampleTimeout(n) / 1000} s`);
        CENSORED.add(key);
      } else {
        result.problems.push(`${kind}: ${String(e.message).split('\n')[0]}`);
      }
      result.stuck = true; // the page may still be busy: no more samples from it
      break;
    }
  }
}

/**
 * Waits (up to 10 s) until no Chromium process outside this run's own is left: the processes of
 * the previous load's browser can outlive its close() by seconds and would slow the next load.
 */
async function strayBrowsersGone() {
  const stray = () => {
    try {
      return execFileSync('ps', ['-eo', 'pid=,comm='], { encoding: 'utf8' })
        .split('\n')
        .some((l) => /chrom/i.test(l));
    } catch {
      return false;
    }
  };
  for (let waited = 0; waited < 10_000 && stray(); waited += 100) await sleep(100);
}

async function oneLoad(tool, n, urls, run, sample) {
  await strayBrowsersGone();
  const result = { tool, n, run, problems: [], notes: [], external: [], loadavg: os.loadavg()[0], others: otherBusyProcesses() };
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    result.chromium = browser.version();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) result.problems.push(`console: ${m.text().slice(0, 300)}`);
    });
    page.on('pageerror', (e) => result.problems.push(`pageerror: ${String(e.message).slice(0, 300)}`));
    page.on('crash', () => result.problems.push('page crashed'));
    page.on('request', (req) => {
      if (!req.url().startsWith('http://127.0.0.1') && !req.url().startsWith('data:')) result.external.push(req.url());
    });
    page.on('response', (res) => {
      if (res.status() >= 400) result.problems.push(`http ${res.status()}: ${res.url()}`);
    });
    const cdp = await context.newCDPSession(page);
    // Byte counts only: with buffers left at their defaults, this session would keep a copy of
    // every text response under 10 MB, which Chromium makes by decoding the whole body on the
    // page's main thread when it finishes loading (about 75 ms for the 9 MB file at 10 000 on
    // this machine). Playwright's own session keeps its copy; that one cannot be switched off.
    await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
    const net = { bytes: 0, requests: 0, byType: {} };
    const types = new Map();
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      net.bytes += e.encodedDataLength;
      net.requests++;
      const t = types.get(e.requestId) || 'Other';
      net.byType[t] = (net.byType[t] || 0) + e.encodedDataLength;
    });
    let resolveFirst;
    const firstP = new Promise((r) => (resolveFirst = r));
    await page.exposeFunction('__benchFirst', (f) => resolveFirst(f));
    await page.addInitScript(instrument, {
      selector: SELECTORS[tool],
      own: tool === 'ours' ? '[data-prerendered]' : null,
      complete: tool === 'ours' ? '[data-testid="result-count"]' : null,
    });

    const url = tool === 'ours' ? `${urls.ours[n]}/` : tool === 'vis' ? `${urls.peers}/vis.html?n=${n}` : `${urls.peers}/timelinejs.html?n=${n}`;
    await page.goto(url, { waitUntil: 'commit' });
    let first;
    try {
      first = await withTimeout(firstP, firstTimeout(tool, n), 'first render');
    } catch (e) {
      if (!e.timeout) throw e;
      result.timeout = true;
      result.loadSeconds = (Date.now() - started) / 1000;
      return result;
    }
    result.firstFound = first.tFound;
    result.firstPaint = first.tPaint;
    result.firstMatches = first.matches;

    if (tool === 'ours') {
      await page.waitForFunction(() => window.__bench.complete, null, { polling: 25, timeout: firstTimeout(tool, n) });
      result.complete = await page.evaluate(() => window.__bench.complete);
      await page.waitForFunction(() => window.__bench.own, null, { polling: 25, timeout: firstTimeout(tool, n) });
      result.ownFound = await page.evaluate(() => window.__bench.own);
      // The longest task between the first event on screen and every event read: how long the
      // page, already showing events, may not answer a click or a key. Tasks that start after the
      // first event was found: the one running then is the frame that draws it (when a file is
      // read whole before its first frame, there is no such task at all).
      await sleep(100);
      result.longestWhileReading = await page.evaluate(([from, to]) => {
        const during = window.__bench.longTasks.filter(([start]) => start > from && start < to);
        return during.reduce((m, [, duration]) => Math.max(m, duration), 0);
      }, [result.firstFound, result.complete]);
    }
    // Let work that follows the first frame finish, then measure memory after a full GC.
    await sleep(n >= 100000 ? 2000 : 1000);
    await withTimeout(page.evaluate(() => 0), firstTimeout(tool, n), 'settle');
    result.bytes = net.bytes;
    result.requests = net.requests;
    result.bytesByType = net.byType;
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    result.jsHeap = heap.usedSize;
    result.backingStorage = heap.backingStorageSize ?? null;
    result.domNodes = (await cdp.send('Memory.getDOMCounters')).nodes;
    result.wasmMemory = await page.evaluate(() => (window.__bench.wasm && window.__bench.wasm.memory ? window.__bench.wasm.memory.buffer.byteLength : null));
    result.loadSeconds = (Date.now() - started) / 1000;

    if (!sample) return result;
    const watchList = [['.timeline', { childList: true, characterData: true, subtree: true }]];
    if (tool === 'ours') {
      result.countText = (await page.textContent('[data-testid="result-count"]')).trim();
      result.dataWarnings = await page.locator('[data-testid="data-warnings"]').count();
      await page.evaluate(() => {
        const d = document.querySelector('[data-testid="facet-partner"]');
        if (d && !d.open) d.open = true;
      });
      const box = `[data-testid="facet-partner"] input[value="${FILTER_PARTNER}"]`;
      // A click dispatched in the page: Playwright's own click first waits for the element to be
      // stable over animation frames, which took over 90 s when all 100000 events were rendered.
      await runSamples(page, result, n, 'filter', async () => {
        await page.evaluate((w) => window.__bench.arm('filter', '[data-testid="result-count"]', w), watchList);
        await page.evaluate((sel) => document.querySelector(sel).click(), box);
      });
      if (!result.stuck) {
        await page.evaluate(() => document.querySelector('[data-testid="search"]').focus());
        await runSamples(page, result, n, 'search', async (on) => {
          await page.evaluate((w) => window.__bench.arm('search', '[data-testid="result-count"]', w), watchList);
          await page.keyboard.press(on ? SEARCH_CHAR : 'Backspace');
        });
      }
    } else if (tool === 'vis') {
      await runSamples(page, result, n, 'filter', (on) =>
        page.evaluate(
          ([p, on]) => {
            window.__bench.arm('filter', null, [['#timeline', { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] }]]);
            window.__bench.sample.start();
            window.__vis.setPartner(on ? p : null);
          },
          [FILTER_PARTNER, on],
        ),
      );
    }
    return result;
  } catch (e) {
    result.problems.push(`error: ${String(e.message).split('\n')[0]}`);
    result.failed = true;
    return result;
  } finally {
    await withTimeout(browser.close(), 30_000, 'browser close').catch(() => {});
  }
}

/** Loads of a deep link to the oldest event (ours): when its card is on screen, how much is drawn. */
const DEEP_RUNS = 3;
async function deepLoad(n, urls, id, run) {
  await strayBrowsersGone();
  const result = { n, run, id, problems: [] };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => result.problems.push(`pageerror: ${String(e.message).slice(0, 300)}`));
    let resolveFirst;
    const firstP = new Promise((r) => (resolveFirst = r));
    await page.exposeFunction('__benchFirst', (f) => resolveFirst(f));
    await page.addInitScript(instrument, { selector: `.timeline [data-event-id="${id}"]` });
    await page.goto(`${urls.ours[n]}/events/${id}`, { waitUntil: 'commit' });
    const first = await withTimeout(firstP, firstTimeout('ours', n), 'deep link');
    result.found = first.tFound;
    await sleep(1000);
    Object.assign(
      result,
      await page.evaluate(() => ({
        cards: document.querySelectorAll('.timeline [data-event-id]').length,
        detail: !!document.querySelector('[data-testid="event-detail"]'),
        count: document.querySelector('[data-testid="result-count"]')?.textContent.trim(),
      })),
    );
  } catch (e) {
    result.problems.push(`error: ${String(e.message).split('\n')[0]}`);
    result.failed = true;
  } finally {
    await withTimeout(browser.close(), 30_000, 'browser close').catch(() => {});
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Statistics and report

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
};

function codeSizes(oursFiles) {
  const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
  const entry = (files) => {
    const list = files.map((f) => ({ file: path.relative(ROOT, f), raw: fs.statSync(f).size, gzip: gz(f) }));
    return { files: list, raw: list.reduce((a, b) => a + b.raw, 0), gzip: list.reduce((a, b) => a + b.gzip, 0) };
  };
  // Ours also carries its stylesheet and its start-up check inline in index.html.
  const html = fs.readFileSync(path.join(OURS, 'index.html'), 'utf8');
  const inline = Buffer.from([...html.matchAll(/<(?:style|script)>([\s\S]*?)<\/(?:style|script)>/g)].map((m) => m[1]).join(''));
  const ours = entry(oursFiles.map((f) => path.join(OURS, f)));
  const inlineEntry = { file: 'index.html (inline style and script)', raw: inline.length, gzip: zlib.gzipSync(inline, { level: 9 }).length };
  ours.files.push(inlineEntry);
  ours.raw += inlineEntry.raw;
  ours.gzip += inlineEntry.gzip;
  return {
    ours,
    tl: entry([path.join(TL_DIST, 'js', 'timeline.js'), path.join(TL_DIST, 'css', 'timeline.css')]),
    vis: entry([VIS_JS, VIS_CSS]),
  };
}

function machine() {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/);
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    model: cpu ? cpu[1].trim() : 'unknown',
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

function versions() {
  const v = (name) => JSON.parse(fs.readFileSync(path.join(NM, name, 'package.json'), 'utf8')).version;
  const lock = fs.readFileSync(path.join(ROOT, 'Cargo.lock'), 'utf8');
  const crate = (name) => (lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`)) || [])[1];
  return {
    'mali-timeline': crate('mali-timeline'),
    leptos: crate('leptos'),
    'wasm-bindgen': crate('wasm-bindgen'),
    '@knight-lab/timelinejs': v('@knight-lab/timelinejs'),
    'vis-timeline': v('vis-timeline'),
    'vis-data': v('vis-data'),
    'playwright-core': v('playwright-core'),
  };
}

/** Summary numbers of one tool at one n. */
function summarize(loads) {
  const ok = loads.filter((l) => !l.timeout && !l.failed && l.firstPaint != null);
  const out = {
    loads: loads.length,
    ok: ok.length,
    timeout: loads.some((l) => l.timeout),
    failed: loads.filter((l) => l.failed).length,
    firstPaint: median(ok.map((l) => l.firstPaint)),
    firstFound: median(ok.map((l) => l.firstFound)),
    longestWhileReading: ok.some((l) => l.longestWhileReading != null) ? median(ok.filter((l) => l.longestWhileReading != null).map((l) => l.longestWhileReading)) : undefined,
    complete: ok.some((l) => l.complete != null) ? median(ok.filter((l) => l.complete != null).map((l) => l.complete)) : undefined,
    ownFound: ok.some((l) => l.ownFound != null) ? median(ok.filter((l) => l.ownFound != null).map((l) => l.ownFound)) : undefined,
    firstPaintAll: ok.map((l) => l.firstPaint),
    jsHeap: median(ok.map((l) => l.jsHeap)),
    wasmMemory: median(ok.filter((l) => l.wasmMemory != null).map((l) => l.wasmMemory)),
    domNodes: median(ok.map((l) => l.domNodes)),
    bytes: median(ok.map((l) => l.bytes)),
    requests: median(ok.map((l) => l.requests)),
  };
  for (const kind of ['filter', 'search']) {
    const samples = ok.flatMap((l) => l[kind] || []);
    if (!samples.length) continue;
    const dom = samples.map((s) => s.dom);
    const paint = samples.map((s) => s.paint);
    out[kind] = {
      count: samples.length,
      domMedian: median(dom),
      domP95: samples.length >= 20 ? pct(dom, 95) : null,
      paintMedian: median(paint),
      paintP95: samples.length >= 20 ? pct(paint, 95) : null,
      onDomMedian: median(samples.filter((s) => s.on).map((s) => s.dom)),
      offDomMedian: median(samples.filter((s) => !s.on).map((s) => s.dom)),
      onPaintMedian: median(samples.filter((s) => s.on).map((s) => s.paint)),
      offPaintMedian: median(samples.filter((s) => !s.on).map((s) => s.paint)),
    };
  }
  return out;
}

const fmtMs = (x) => (x == null ? '–' : x === Infinity ? 'timeout' : x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${Math.round(x)}` : x.toFixed(1));
const fmtMB = (x) => (x == null ? '–' : (x / 2 ** 20).toFixed(1));
const fmtKB = (x) => (x == null ? '–' : x >= 10 * 2 ** 20 ? `${(x / 2 ** 20).toFixed(1)} MiB` : `${(x / 1024).toFixed(0)} KiB`);
const ratio = (a, b) => (a == null || b == null || !b || !Number.isFinite(a) || !Number.isFinite(b) ? '–' : `${(a / b).toFixed(2)}×`);

function buildReport({ sums, loads, sizes, meta, info, deep = [] }) {
  const L = [];
  const tools = TOOLS;
  const cell = (tool, n, get, fmt, only) => {
    if (only && !only.includes(tool)) return 'n/a';
    const s = sums[tool] && sums[tool][n];
    if (!s) return 'not run';
    if (s.ok === 0) return s.notTried ? 'not tried (timeout at a smaller n)' : s.timeout ? 'timeout' : 'failed';
    const v = get(s);
    return v === undefined ? 'n/a' : fmt(v);
  };
  const oursVal = (n, get) => {
    const s = sums.ours && sums.ours[n];
    return s && s.ok ? get(s) : null;
  };
  const peerVal = (tool, n, get) => {
    const s = sums[tool] && sums[tool][n];
    return s && s.ok ? get(s) : null;
  };
  L.push('# mali-timeline performance benchmark', '');
  L.push(`Run ${info.date} with \`${info.command || 'node bench/run.cjs'}\` in ${(info.seconds / 60).toFixed(1)} min.`, '');
  L.push('## Machine and versions', '');
  L.push(`- Machine: ${info.machine.nproc} CPUs (\`nproc\`), ${info.machine.model}, ${info.machine.memGiB} GiB memory, ${info.machine.os}, Node ${info.machine.node}`);
  L.push(`- Browser: Chromium ${info.chromium} (Debian, /usr/bin/chromium), headless, viewport 1280×900, driven by playwright-core`);
  L.push(`- Packages: ${Object.entries(info.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  L.push(`- Our build: a copy of dist/ taken at the start of the run (${info.ours.files.join(', ')}; wasm built ${info.ours.builtAt})`);
  L.push(`- Data: synthetic, from \`bench/generate.cjs\` (seed ${meta[SIZES[0]].seed}); events file sizes: ${SIZES.map((n) => `n=${n}: ours ${fmtKB(meta[n].files.ours.bytes)}, TimelineJS ${fmtKB(meta[n].files.tl.bytes)}, vis ${fmtKB(meta[n].files.vis.bytes)}`).join('; ')}`);
  const plan = info.plan || { runs: Object.fromEntries(SIZES.map((n) => [n, runsFor(n)])), samples: Object.fromEntries(SIZES.map((n) => [n, [samplesFor(n, 'filter'), samplesFor(n, 'search')]])) };
  L.push(`- Runs per tool and n: ${SIZES.map((n) => `${n}: ${plan.runs[n]}`).join(', ')} (interleaved: one load of each tool in turn, each in a fresh browser); filter toggles / search keystrokes per load: ${SIZES.map((n) => `${n}: ${plan.samples[n][0]} / ${plan.samples[n][1]}`).join(', ')}${SIZES.includes(100000) ? ` (at 100000 only in the first load, within ${SAMPLE_BUDGET_100K.filter} s / ${SAMPLE_BUDGET_100K.search} s)` : ''}; a sample that shows no updated list within ${sampleTimeout(100)/1000} s (${sampleTimeout(100000)/1000} s at 100000) is a timeout`);
  {
    const la = info.loadavg.filter((x) => x != null).sort((a, b) => a - b);
    const others = new Map();
    for (const l of loads) for (const c of new Set(l.others || [])) others.set(c, (others.get(c) || 0) + 1);
    const busy = [...others].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c} (at ${k} of ${loads.length} loads)`);
    if (busy.length) L.push(`- Other processes busy (≥ 25% CPU over their life) when loads started: ${busy.join(', ')}.`);
    if (la.length) L.push(`- Machine load: 1-minute load average at the start of each load ${la[0].toFixed(2)}–${la[la.length - 1].toFixed(2)} (median ${median(la).toFixed(2)}) on ${info.machine.nproc} CPUs. Anything above ~1 means other work shared the CPUs with the browser and slowed every tool.`);
  }
  L.push('');

  L.push('## Results', '');
  L.push('Times in ms, medians over the loads (and over the samples for filter and search) unless marked p95; memory in MiB; ratios are ours ÷ peer (below 1 = ours is faster or smaller). "–" = no value (e.g. p95 from fewer than 20 samples), "n/a" = the tool has no such feature, "timeout" = no first event within the time limit (120 s; 60 s for peers at 100000) or, in filter rows, no updated list within the sample limit.', '');
  const rows = [];
  const metric = (name, get, fmt, only) => rows.push({ name, get, fmt, only });
  const FILTERS = ['ours', 'vis'];
  const OURS_ONLY = ['ours'];
  metric('First event on screen (frame that shows it, laid out)', (s) => s.firstFound, fmtMs);
  metric('First event: next task after that frame', (s) => s.firstPaint, fmtMs);
  metric('First event drawn by the app itself (index.html\'s first screen replaced)', (s) => s.ownFound, fmtMs, OURS_ONLY);
  metric('Every event read: counts and filters on screen', (s) => s.complete, fmtMs, OURS_ONLY);
  metric('Longest task from the first event to every event read (0 = none of 50 ms or more)', (s) => s.longestWhileReading, fmtMs, OURS_ONLY);
  metric('Filter: input → DOM update', (s) => (s.filter ? s.filter.domMedian : undefined), fmtMs, FILTERS);
  metric('Filter: input → DOM update, p95', (s) => (s.filter ? s.filter.domP95 : undefined), fmtMs, FILTERS);
  metric('Filter: input → task after next frame', (s) => (s.filter ? s.filter.paintMedian : undefined), fmtMs, FILTERS);
  metric('Filter: input → task after next frame, p95', (s) => (s.filter ? s.filter.paintP95 : undefined), fmtMs, FILTERS);
  metric('Search: input → count updated', (s) => (s.search ? s.search.domMedian : undefined), fmtMs, OURS_ONLY);
  metric('Search: input → count updated, p95', (s) => (s.search ? s.search.domP95 : undefined), fmtMs, OURS_ONLY);
  metric('Search: input → task after next frame, p95', (s) => (s.search ? s.search.paintP95 : undefined), fmtMs, OURS_ONLY);
  metric('JS heap used after GC (MiB)', (s) => s.jsHeap, fmtMB);
  metric('Wasm linear memory (MiB)', (s) => (s.wasmMemory == null ? undefined : s.wasmMemory), fmtMB, OURS_ONLY);
  metric('DOM nodes', (s) => s.domNodes, (x) => String(Math.round(x)));
  metric('Bytes transferred', (s) => s.bytes, fmtKB);
  const peers = tools.filter((t) => t !== 'ours');
  const head = ['Metric', 'n', ...tools.map((t) => TOOL_NAMES[t]), ...peers.map((p) => `ours / ${TOOL_NAMES[p]}`)];
  L.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of rows) {
    for (const n of SIZES) {
      const cells = tools.map((t) => cell(t, n, r.get, r.fmt, r.only));
      if (cells.every((c) => c === 'n/a' || c === 'not run')) continue;
      const ratios = peers.map((p) => {
        const a = oursVal(n, r.get);
        const b = peerVal(p, n, r.get);
        return typeof a === 'number' && typeof b === 'number' ? ratio(a, b) : '–';
      });
      L.push(`| ${r.name} | ${n} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
    }
  }
  L.push('');
  L.push('Filter and search samples alternate: switching the filter (or the search character) on narrows the list, switching it off widens it back; both are counted. Medians by direction:', '');
  L.push('| Tool | n | filter on (DOM / task after frame) | filter off (DOM / task after frame) | search on (count / task after frame) | search off (count / task after frame) | samples (filter / search) |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const t of tools) {
    for (const n of SIZES) {
      const s = sums[t] && sums[t][n];
      if (!s || !s.ok || (!s.filter && !s.search)) continue;
      const f = s.filter;
      const q = s.search;
      L.push(`| ${TOOL_NAMES[t]} | ${n} | ${f ? `${fmtMs(f.onDomMedian)} / ${fmtMs(f.onPaintMedian)}` : 'n/a'} | ${f ? `${fmtMs(f.offDomMedian)} / ${fmtMs(f.offPaintMedian)}` : 'n/a'} | ${q ? `${fmtMs(q.onDomMedian)} / ${fmtMs(q.onPaintMedian)}` : 'n/a'} | ${q ? `${fmtMs(q.offDomMedian)} / ${fmtMs(q.offPaintMedian)}` : 'n/a'} | ${f ? f.count : 0} / ${q ? q.count : 0} |`);
    }
  }
  L.push('');

  if (deep.length) {
    L.push('## A deep link to the oldest event (ours)', '');
    L.push('The address of the last event of the default list (`/events/{id}`, newest first), opened in a fresh browser: when its card is on screen (measured like the first event above), and how many cards are drawn a second later. Medians over the loads.', '');
    L.push('| n | open event on screen | cards drawn | event shown beside the list | loads |', '| --- | ---: | ---: | --- | ---: |');
    for (const n of SIZES) {
      const rs = deep.filter((r) => r.n === n);
      if (!rs.length) continue;
      const ok = rs.filter((r) => !r.failed);
      const found = median(ok.map((r) => r.found));
      const cards = median(ok.map((r) => r.cards));
      L.push(`| ${n} | ${found == null ? 'failed' : fmtMs(found)} | ${cards == null ? '–' : cards} | ${ok.length && ok.every((r) => r.detail) ? 'yes' : 'no'} | ${ok.length} of ${rs.length} |`);
    }
    L.push('');
  }
  L.push('## Code size', '');
  L.push('| Tool | files | raw | gzip -9 |', '| --- | --- | ---: | ---: |');
  for (const t of ['ours', 'vis', 'tl']) {
    const c = sizes[t];
    L.push(`| ${TOOL_NAMES[t]} | ${c.files.map((f) => `${path.basename(f.file)} (${(f.gzip / 1024).toFixed(1)} KiB)`).join(', ')} | ${(c.raw / 1024).toFixed(1)} KiB | ${(c.gzip / 1024).toFixed(1)} KiB |`);
  }
  L.push('', `Ratios (gzip): ours / vis-timeline ${ratio(sizes.ours.gzip, sizes.vis.gzip)}, ours / TimelineJS ${ratio(sizes.ours.gzip, sizes.tl.gzip)}.`, '');

  L.push('## Targets', '');
  L.push('| Target | Value | Met? |', '| --- | --- | --- |');
  const target = (name, value, ok, shown, limit) => {
    const close = value != null && limit != null && Math.abs(value - limit) <= 0.1 * limit ? ' (within 10 % of the limit: noise can flip it)' : '';
    L.push(`| ${name} | ${shown ?? value} | ${value == null ? 'not measured' : ok ? 'met' : '**not met**'}${close} |`);
  };
  const fr = (n) => oursVal(n, (s) => s.firstFound);
  const visFr = (n) => peerVal('vis', n, (s) => s.firstFound);
  for (const [n, k] of [[100, 0.5], [1000, 0.25], [10000, 0.15]]) {
    const a = fr(n);
    const b = visFr(n);
    const r = a != null && b != null ? a / b : null;
    target(`First render ≤ ${k}× vis-timeline at ${n}`, r, r != null && r <= k, r == null ? null : `${r.toFixed(2)}× (${fmtMs(a)} vs ${fmtMs(b)} ms)`, k);
  }
  {
    const a = fr(100000);
    target('First render ≤ 2 s at 100000', a, a != null && a <= 2000, a == null ? null : `${fmtMs(a)} ms`, 2000);
    // "The page stays responsive": judged as no task over 100 ms (the time within which a
    // response to input feels immediate) once events are on screen and until every event is read.
    const long = oursVal(100000, (s) => s.longestWhileReading);
    const all = oursVal(100000, (s) => s.complete);
    target('Page answers within 100 ms while 100000 events load (longest task after the first event)', long, long != null && long <= 100, long == null ? null : `${fmtMs(long)} ms (every event read at ${fmtMs(all)} ms)`, 100);
  }
  // p95 needs >= 20 samples; with fewer, a median already above the limit decides "not met".
  const p95Target = (name, n, lim, get) => {
    const f = oursVal(n, get);
    if (!f) return target(name, null, false);
    if (f.p95 != null) return target(name, f.p95, f.p95 <= lim, `p95 ${fmtMs(f.p95)} ms (${f.count} samples)`, lim);
    if (f.median != null && f.median > lim) return target(name, f.median, false, `median ${fmtMs(f.median)} ms (${f.count} samples, too few for p95; the median is already above)`);
    L.push(`| ${name} | ${f.count} samples, too few for p95 (median ${fmtMs(f.median)} ms) | not determined |`);
  };
  for (const [n, lim] of [[10000, 16], [100000, 100]]) {
    p95Target(`Filter p95 ≤ ${lim} ms at ${n} (input → result count)`, n, lim, (s) => (s.filter ? { p95: s.filter.domP95, median: s.filter.domMedian, count: s.filter.count } : null));
    p95Target(`Search p95 ≤ ${lim} ms at ${n} (input → result count)`, n, lim, (s) => (s.search ? { p95: s.search.domP95, median: s.search.domMedian, count: s.search.count } : null));
  }
  {
    const g = sizes.ours.gzip;
    target('Code size ≤ 120 KB gzip (wasm + js + css)', g, g <= 120 * 1024, `${(g / 1024).toFixed(1)} KiB`, 120 * 1024);
  }
  L.push('');
  L.push('First render is judged on the frame that shows the first event (its layout included): for ours, the first screen index.html carries, a copy of the app\'s own first frame written at build time; the row "first event drawn by the app itself" gives the time at which the app replaces it with its own page. The filter and search targets are judged on the time to the result count\'s update, as specified; our list is updated in the same batch of DOM changes as the count. The "task after next frame" rows are an upper bound on when the change was painted: they include paint, but also any task the page had queued before.', '');

  const problems = loads.filter((l) => l.problems.length || l.external.length || l.timeout || l.failed);
  L.push('## Notes', '');
  const notes = new Map();
  for (const l of loads) for (const x of l.notes) notes.set(`${TOOL_NAMES[l.tool]} n=${l.n}: ${x}`, (notes.get(`${TOOL_NAMES[l.tool]} n=${l.n}: ${x}`) || 0) + 1);
  for (const x of info.budgetSkips) notes.set(`${x}: not made, it would not have fitted in the ${BUDGET_S / 60} min budget`, 1);
  if (!notes.size) L.push('- None.');
  for (const [k, c] of notes) L.push(`- ${k}${c > 1 ? ` (×${c})` : ''}`);
  L.push('');
  L.push('## Problems seen', '');
  const oursLoads = loads.filter((l) => l.tool === 'ours' && l.countText);
  const bad = oursLoads.filter((l) => !l.countText.startsWith(`${l.n} of ${l.n}`));
  if (oursLoads.length) L.push(`- Our app's result count after loading: ${[...new Set(oursLoads.map((l) => `n=${l.n}: "${l.countText}"`))].join('; ')}${bad.length ? ' — **some synthetic events were rejected**' : ' (every synthetic event loaded)'}.`);
  if (!problems.length) L.push('- None: no page error, console error, crash, failed request or timeout.');
  const seen = new Map();
  for (const l of problems) {
    const items = [...l.problems, ...(l.timeout ? ['timeout'] : []), ...(l.external.length ? [`${l.external.length} request(s) outside 127.0.0.1 (blocked): ${l.external[0]}`] : [])];
    for (const p of items) {
      const key = `${TOOL_NAMES[l.tool]} n=${l.n}: ${p}`;
      seen.set(key, (seen.get(key) || 0) + 1);
    }
  }
  for (const [k, c] of seen) L.push(`- ${k}${c > 1 ? ` (×${c})` : ''}`);
  L.push('');

  L.push('## How it was measured', '');
  L.push('- Each load is a fresh headless Chromium (flags of tests/e2e/harness.cjs, plus a host-resolver rule that resolves nothing but 127.0.0.1) and a fresh context, so nothing is cached. Servers are plain Node static servers on 127.0.0.1 without compression.');
  L.push('- Ours: the copied dist/ with `data/events.json` answered by the synthetic file, and an index.html that is the timeline page written for that file (24 cards, the filters and their counts; `src/bin/render/main.rs`, which `trunk build` runs for the shipped events: a site built with these events). TimelineJS: a page with the package\'s `dist/js/timeline.js` and `dist/css/timeline.css`, fetching the converted JSON and calling `new TL.Timeline(...)` (font: null, so no web font is fetched). vis-timeline: a page with the standalone UMD build and its CSS, fetching the items and showing them through a `DataView` of a `DataSet`. Every tool fetches its data over HTTP after the page loads.');
  L.push('- First event on screen: an init script polls once per animation frame from navigation start for the first element matching the tool\'s selector (ours `.timeline [data-event-id]`, vis-timeline `.vis-item`, TimelineJS `.tl-slide .tl-headline, .tl-timemarker`) that is inside the viewport with a non-zero size (`getBoundingClientRect`, which forces the layout). The time is `performance.now()` right after that check, in the animation-frame callback of the frame that then paints the event: navigation start → the event laid out, about to be painted. "Next task after that frame" is a `setTimeout(0)` queued from there: it runs after the frame is rendered, but also after any task the page had queued, so it is only an upper bound. Ours shows its first event from index.html\'s first screen, before its code runs; "first event drawn by the app itself" is the same polling for a card outside that screen, i.e. once the app has drawn its page in its place (the frame in which it takes over).');
  L.push('- Every event read (ours): the same polling, for `[data-testid="result-count"]`, which appears with the filters once the whole file is loaded; the synthetic files are written newest first, so before that a long file shows its newest events and a status line. Longest task while reading: the longest of the browser\'s long tasks (50 ms or more, `PerformanceObserver`) that start after the first event is found on screen and before every event is read (the task running when the first event is found is the frame that draws it), 0 when there is none.');
  L.push('- Filter: ours — a click on the partner checkbox for ' + FILTER_PARTNER + ' in `[data-testid="facet-partner"]` (its `<details>` opened first), dispatched in the page with `element.click()` (Playwright\'s own click first waits for the element to be stable over animation frames: with a build that rendered all 100000 events it gave up after 90 s); the clock starts at the `input` event (capture listener) and "DOM update" stops at the MutationObserver callback that sees `[data-testid="result-count"]`\'s text change (the list under `.timeline` is observed too: it changes in the same callback). vis-timeline — the partner filter of a `DataView` is switched and `refresh()` called, timed from just before the call to the first mutation of the timeline\'s DOM. "Task after next frame" (both) is a `setTimeout(0)` queued from the first animation frame after the last mutation; a sample ends after 200 ms without mutation. TimelineJS has no filter.');
  L.push(`- Search (ours only): one keystroke ("${SEARCH_CHAR}", then Backspace) in \`[data-testid="search"]\`, from the \`input\` event to the result count\'s change. The app searches at each keystroke and writes the text to the address once typing pauses (150 ms).`);
  L.push('- Memory: after the first render (ours: once every event is read) and a pause (1 s, 2 s at 100000), a full GC (CDP `HeapProfiler.collectGarbage`), then CDP `Runtime.getHeapUsage().usedSize`; our wasm linear memory (`memory.buffer.byteLength`) is outside the JS heap and listed apart. DOM nodes: CDP `Memory.getDOMCounters`.');
  L.push('- Bytes transferred: the sum of CDP `Network.loadingFinished.encodedDataLength` (bodies and headers, uncompressed) up to that point, from a CDP session that keeps no copy of the responses. Playwright\'s own session keeps a copy of each text response under 10 MB, which Chromium makes by decoding the body on the page\'s main thread when it finishes loading; every tool pays for it alike, and a page without DevTools attached does not.');
  L.push('- Code size: gzip -9 (zlib level 9) of each file, summed.');
  L.push('');
  return L.join('\n');
}

function printTable(sums) {
  const lines = [];
  const pad = (s, w) => String(s).padStart(w);
  lines.push(['tool', 'n', 'first(ms)', 'filter', 'filt p95', 'search', 'search p95', 'heap MiB', 'wasm MiB', 'bytes'].map((h, i) => pad(h, i === 0 ? 14 : 10)).join(' '));
  for (const n of SIZES) {
    for (const t of TOOLS) {
      const s = sums[t] && sums[t][n];
      if (!s) continue;
      if (!s.ok) {
        lines.push([pad(TOOL_NAMES[t], 14), pad(n, 10), pad(s.timeout ? 'timeout' : 'failed', 10)].join(' '));
        continue;
      }
      lines.push(
        [
          pad(TOOL_NAMES[t], 14),
          pad(n, 10),
          pad(fmtMs(s.firstFound), 10),
          pad(s.filter ? fmtMs(s.filter.domMedian) : 'n/a', 10),
          pad(s.filter ? fmtMs(s.filter.domP95) : 'n/a', 10),
          pad(s.search ? fmtMs(s.search.domMedian) : 'n/a', 10),
          pad(s.search ? fmtMs(s.search.domP95) : 'n/a', 10),
          pad(fmtMB(s.jsHeap), 10),
          pad(fmtMB(s.wasmMemory), 10),
          pad(fmtKB(s.bytes), 10),
        ].join(' '),
      );
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Per tool and n: the summary of its loads; a tool that timed out at a smaller n was not tried. */
function computeSums(loads) {
  const sums = {};
  for (const t of TOOLS) {
    sums[t] = {};
    for (const n of SIZES) {
      const ls = loads.filter((l) => l.tool === t && l.n === n);
      if (ls.length) sums[t][n] = summarize(ls);
      else if (loads.some((l) => l.tool === t && l.n < n && l.timeout)) sums[t][n] = { ok: 0, timeout: true, loads: 0, notTried: true };
    }
  }
  return sums;
}

/** `--report`: rewrites results.md from .work/results.json, without measuring anything. */
function reportOnly() {
  const data = JSON.parse(fs.readFileSync(path.join(WORK, 'results.json'), 'utf8'));
  // JSON has no Infinity: a timed-out sample was written with null times.
  for (const l of data.loads) for (const k of ['filter', 'search']) for (const x of l[k] || []) if (x.timeout) x.dom = x.last = x.paint = Infinity;
  SIZES = data.info.sizes || Object.keys(data.meta).map(Number);
  TOOLS = data.info.tools || ['ours', 'vis', 'tl'];
  data.info.loadavg = data.info.loadavg || data.loads.map((l) => l.loadavg);
  data.info.budgetSkips = data.info.budgetSkips || [];
  const sums = computeSums(data.loads);
  fs.writeFileSync(path.join(BENCH, 'results.md'), buildReport({ sums, loads: data.loads, sizes: data.sizes, meta: data.meta, info: data.info, deep: data.deep }));
  console.log(printTable(sums));
  log('rewrote bench/results.md from bench/.work/results.json');
}

async function main() {
  if (argv.includes('--report')) return reportOnly();
  ensureDeps();
  ({ chromium } = require(path.join(NM, 'playwright-core')));
  log('snapshot of dist/ ...');
  const ours = snapshotOurs();
  log(`ours: ${ours.files.join(', ')}`);
  log('generating datasets ...');
  const meta = writeAll(DATA, SIZES);
  const sizes = codeSizes(ours.files);

  const urls = { ours: {}, peers: null };
  const servers = [];
  for (const n of SIZES) {
    const s = await serveOurs(n);
    servers.push(s);
    urls.ours[n] = s.url;
  }
  const peers = await servePeers();
  servers.push(peers);
  urls.peers = peers.url;

  const loads = [];
  const skip = new Set(); // "tool:n" that timed out: no more loads of it at that n or above
  const budgetSkips = [];
  let chromiumVersion = null;
  for (const n of SIZES) {
    const runs = runsFor(n);
    for (let run = 0; run < runs; run++) {
      const order = TOOLS.map((_, i) => TOOLS[(i + run) % TOOLS.length]);
      for (const tool of order) {
        if ([...skip].some((k) => k.startsWith(`${tool}:`) && Number(k.split(':')[1]) <= n)) continue;
        // At 100000 only the first load of each tool samples filter and search; later loads
        // (first render and memory only) are made while they fit in the run's budget.
        const sample = n < 100000 || run === 0;
        if (n >= 100000 && run > 0) {
          const prev = loads.filter((l) => l.tool === tool && l.n === n).map((l) => l.loadSeconds || 0);
          const estimate = Math.max(0, ...prev) + 15;
          if ((Date.now() - T0) / 1000 + estimate > BUDGET_S) {
            budgetSkips.push(`${TOOL_NAMES[tool]} n=${n} run ${run + 1}`);
            log(`${TOOL_NAMES[tool].padEnd(13)} n=${String(n).padEnd(6)} run ${run + 1}/${runs}: skipped, it would not fit in the ${BUDGET_S / 60} min budget`);
            continue;
          }
        }
        const r = await oneLoad(tool, n, urls, run, sample);
        chromiumVersion = chromiumVersion || r.chromium;
        loads.push(r);
        const f = (x) => (x == null ? '–' : x.toFixed(1));
        const med = (xs) => (xs && xs.length ? f(median(xs.map((s) => s.dom))) : '–');
        log(
          `${TOOL_NAMES[tool].padEnd(13)} n=${String(n).padEnd(6)} run ${run + 1}/${runs}: ` +
            (r.timeout ? 'TIMEOUT' : r.failed ? 'FAILED' : `first ${f(r.firstFound)} ms (task after: ${f(r.firstPaint)}), filter ${med(r.filter)} ms, search ${med(r.search)} ms, heap ${fmtMB(r.jsHeap)} MiB`) +
            (r.problems.length ? `  [${r.problems.length} problem(s): ${r.problems[0]}]` : '') +
            (r.notes.length ? `  (${r.notes.join('; ')})` : ''),
        );
        if (r.timeout) skip.add(`${tool}:${n}`);
      }
    }
  }
  const deep = [];
  if (TOOLS.includes('ours')) {
    for (const n of SIZES) {
      if (!meta[n].oldest) continue;
      for (let run = 0; run < DEEP_RUNS; run++) {
        const r = await deepLoad(n, urls, meta[n].oldest, run);
        deep.push(r);
        log(`mali-timeline n=${String(n).padEnd(6)} deep link ${run + 1}/${DEEP_RUNS}: ${r.failed ? 'FAILED ' + r.problems[0] : `open event on screen at ${r.found.toFixed(1)} ms, ${r.cards} cards drawn`}`);
      }
    }
  }
  for (const s of servers) await s.close();

  const sums = computeSums(loads);
  const info = {
    date: new Date().toISOString(),
    seconds: (Date.now() - T0) / 1000,
    command: ['node bench/run.cjs', ...argv].join(' '),
    sizes: SIZES,
    tools: TOOLS,
    plan: { runs: Object.fromEntries(SIZES.map((n) => [n, runsFor(n)])), samples: Object.fromEntries(SIZES.map((n) => [n, [samplesFor(n, 'filter'), samplesFor(n, 'search')]])) },
    machine: machine(),
    chromium: chromiumVersion,
    versions: versions(),
    ours,
    budgetSkips,
    loadavg: loads.map((l) => l.loadavg),
  };
  const report = buildReport({ sums, loads, sizes, meta, info, deep });
  console.log('\n' + printTable(sums) + '\n');
  console.log(`code size gzip -9: ours ${(sizes.ours.gzip / 1024).toFixed(1)} KiB, vis-timeline ${(sizes.vis.gzip / 1024).toFixed(1)} KiB, TimelineJS ${(sizes.tl.gzip / 1024).toFixed(1)} KiB`);
  const partial = QUICK || argv.some((a) => a.startsWith('--sizes') || a.startsWith('--tools') || a.startsWith('--runs') || a.startsWith('--samples'));
  const out = partial ? path.join(WORK, 'results-partial') : BENCH;
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'results.md'), report);
  fs.writeFileSync(path.join(WORK, partial ? 'results-partial/results.json' : 'results.json'), JSON.stringify({ info, sizes, meta, sums, loads, deep }, null, 1));
  log(`wrote ${path.relative(ROOT, path.join(out, 'results.md'))} (raw data in ${path.relative(ROOT, WORK)}/${partial ? 'results-partial/' : ''}results.json)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
