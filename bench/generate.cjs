#!/usr/bin/env node
// Synthetic datasets for the benchmark, in the app's own schema (public/data/events.json), and
// the same events converted for TimelineJS and vis-timeline.
//
// Deterministic: a fixed-seed PRNG (mulberry32), so every run and every machine gets the same
// bytes. The real partners and sectors lists are reused, so the facets look like the real app's.
//
//   node bench/generate.cjs [outDir] [n ...]     (default: bench/.work/data, 100 1000 10000 100000)
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const REAL = path.join(ROOT, 'public', 'data', 'events.json');
const SEED = 0x6d616c69; // "mali"
const SIZES = [100, 1000, 10000, 100000];
/** The character the search benchmark types: about 17% of the events contain it. */
const SEARCH_CHAR = 'z';
/** The partner whose checkbox the filter benchmark toggles. */
const FILTER_PARTNER = 'RUS';

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['agreement', 'announcement', 'visit', 'delivery', 'withdrawal', 'rupture', 'sanction', 'other'];
const KIND_WEIGHTS = [12, 14, 9, 7, 13, 9, 15, 21];

// Title templates per kind: {p} partner name, {s} sector name (lower case), {c} city.
const TITLES = {
  agreement: [
    ['{p} and Mali sign a {s} agreement in {c}', '{p} et le Mali signent un accord ({s}) à {c}'],
    ['Mali and {p} renew their {s} cooperation', 'Le Mali et {p} renouvellent leur coopération ({s})'],
  ],
  announcement: [
    ['{p} announces a new {s} programme for Mali', '{p} annonce un nouveau programme ({s}) pour le Mali'],
    ['Bamako announces {s} talks with {p}', 'Bamako annonce des discussions ({s}) avec {p}'],
  ],
  visit: [
    ['A {p} delegation visits {c} for {s} talks', 'Une délégation de {p} en visite à {c} ({s})'],
    ['Malian ministers travel to {p} to discuss {s}', 'Des ministres maliens se rendent chez {p} : {s}'],
  ],
  delivery: [
    ['{p} delivers {s} equipment to Mali', '{p} livre des équipements ({s}) au Mali'],
    ['First {s} shipment from {p} arrives in {c}', 'Première livraison ({s}) de {p} arrivée à {c}'],
  ],
  withdrawal: [
    ['{p} withdraws its {s} mission from Mali', '{p} retire sa mission ({s}) du Mali'],
    ['Mali quits a {s} framework led by {p}', 'Le Mali quitte un cadre ({s}) dirigé par {p}'],
  ],
  rupture: [
    ['Mali breaks off {s} cooperation with {p}', 'Le Mali rompt la coopération ({s}) avec {p}'],
    ['Bamako expels {p} envoys over a {s} dispute', 'Bamako expulse des envoyés de {p} (différend : {s})'],
  ],
  sanction: [
    ['{p} imposes {s} sanctions on Mali', '{p} impose des sanctions ({s}) au Mali'],
    ['{p} freezes {s} funding to Bamako', '{p} gèle les financements ({s}) destinés à Bamako'],
  ],
  other: [
    ['{p} and Mali hold {s} consultations in {c}', '{p} et le Mali tiennent des consultations ({s}) à {c}'],
    ['Joint {s} commission between Mali and {p} meets in {c}', 'La commission mixte ({s}) Mali–{p} se réunit à {c}'],
  ],
};

// Summary sentences; a summary is two or three of them.
const SENTENCES = [
  ['Officials from {p} met their Malian counterparts in {c} to review {s} projects.', 'Des responsables de {p} ont rencontré leurs homologues maliens à {c} pour examiner les projets ({s}).'],
  ['The statement gave no figure but mentioned a multi-year commitment.', 'Le communiqué ne donnait aucun chiffre mais évoquait un engagement pluriannuel.'],
  ['The transitional government welcomed the decision on state television.', 'Le gouvernement de transition a salué la décision à la télévision publique.'],
  ['Observers linked the move to the security situation in the centre of the country.', 'Les observateurs ont lié cette décision à la situation sécuritaire dans le centre du pays.'],
  ['A quarterly review of the {s} programme was scheduled for the following year.', 'Une revue trimestrielle du programme ({s}) était prévue pour l\'année suivante.'],
  ['The question of funding was left to a later meeting.', 'La question du financement a été renvoyée à une réunion ultérieure.'],
  ['Both sides said the arrangement would last at least {y} years.', 'Les deux parties ont indiqué que l\'arrangement durerait au moins {y} ans.'],
  ['Regional partners reacted with caution.', 'Les partenaires régionaux ont réagi avec prudence.'],
  ['The amount announced was about {m} million dollars.', 'Le montant annoncé était d\'environ {m} millions de dollars.'],
  ['Local media in {c} reported the news the same day.', 'Les médias locaux de {c} ont rapporté la nouvelle le jour même.'],
];

const CITIES = ['Bamako', 'Kayes', 'Sikasso', 'Ségou', 'Mopti', 'Gao', 'Tombouctou', 'Kidal', 'Koulikoro', 'Ménaka'];

const PUBLISHERS = [
  ['Reuters', 'www.reuters.com', 'en'],
  ['AFP (via France 24)', 'www.france24.com', 'fr'],
  ['RFI', 'www.rfi.fr', 'fr'],
  ['Jeune Afrique', 'www.jeuneafrique.com', 'fr'],
  ['Al Jazeera', 'www.aljazeera.com', 'en'],
  ['BBC News', 'www.bbc.com', 'en'],
  ['Le Monde', 'www.lemonde.fr', 'fr'],
  ['AP News', 'apnews.com', 'en'],
  ['Anadolu Agency', 'www.aa.com.tr', 'en'],
  ['TASS', 'tass.com', 'en'],
  ['Xinhua', 'english.news.cn', 'en'],
  ['Maliweb', 'www.maliweb.net', 'fr'],
];

function pad(n, w = 2) {
  return String(n).padStart(w, '0');
}

function fill(template, slots) {
  return template.replace(/\{(\w)\}/g, (_, k) => slots[k]);
}

/** Picks an index by weight. */
function weighted(rand, weights, total) {
  let r = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Picks k distinct indices by weight. */
function pickDistinct(rand, weights, total, k) {
  const out = [];
  while (out.length < k) {
    const i = weighted(rand, weights, total);
    if (!out.includes(i)) out.push(i);
  }
  return out;
}

function realLists() {
  const real = JSON.parse(fs.readFileSync(REAL, 'utf8'));
  return { partners: real.partners, sectors: real.sectors };
}

/** A dataset of n events in the app's schema. */
function generate(n, lists = realLists()) {
  const rand = mulberry32(SEED ^ n);
  const { partners, sectors } = lists;
  // Zipf-like popularity, in the order of the real list (France, Russia, Iran, ...).
  const pWeights = partners.map((_, i) => 1 / Math.pow(i + 1, 0.9));
  const pTotal = pWeights.reduce((a, b) => a + b, 0);
  const sWeights = sectors.map((_, i) => 1 / Math.pow(i + 1, 0.6));
  const sTotal = sWeights.reduce((a, b) => a + b, 0);
  const kTotal = KIND_WEIGHTS.reduce((a, b) => a + b, 0);
  const start = Date.UTC(2012, 0, 1);
  const end = Date.UTC(2026, 11, 31);
  const seenIds = new Set();
  const seenContent = new Set();
  const events = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(start + Math.floor(rand() * (end - start)));
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    const p = rand();
    // Mixed precision: 80% day, 15% month, 5% year.
    const date = p < 0.8 ? `${y}-${pad(m)}-${pad(day)}` : p < 0.95 ? `${y}-${pad(m)}` : `${y}`;
    const nPartners = 1 + weighted(rand, [70, 22, 8], 100);
    const nSectors = 1 + weighted(rand, [65, 35], 100);
    const ps = pickDistinct(rand, pWeights, pTotal, nPartners).map((k) => partners[k]);
    const ss = pickDistinct(rand, sWeights, sTotal, nSectors).map((k) => sectors[k]);
    const kind = KINDS[weighted(rand, KIND_WEIGHTS, kTotal)];
    const city = CITIES[Math.floor(rand() * CITIES.length)];
    const templates = TITLES[kind];
    const [tEn, tFr] = templates[Math.floor(rand() * templates.length)];
    const slotsEn = { p: ps[0].name.en, s: ss[0].name.en.toLowerCase(), c: city, y: 2 + Math.floor(rand() * 9), m: 5 + Math.floor(rand() * 400) };
    const slotsFr = { ...slotsEn, p: ps[0].name.fr, s: ss[0].name.fr.toLowerCase() };
    let title = { en: fill(tEn, slotsEn), fr: fill(tFr, slotsFr) };
    const nSentences = 2 + Math.floor(rand() * 2);
    const picked = pickDistinct(rand, SENTENCES.map(() => 1), SENTENCES.length, nSentences);
    const summary = {
      en: picked.map((k) => fill(SENTENCES[k][0], slotsEn)).join(' '),
      fr: picked.map((k) => fill(SENTENCES[k][1], slotsFr)).join(' '),
    };
    // The validator rejects a repeat of (date, partners, title): number the rare repeats.
    const key = `${date}|${ps.map((x) => x.code).sort().join(',')}|${title.en.toLowerCase()}`;
    if (seenContent.has(key)) {
      title = { en: `${title.en} (${i + 1})`, fr: `${title.fr} (${i + 1})` };
    }
    seenContent.add(`${date}|${ps.map((x) => x.code).sort().join(',')}|${title.en.toLowerCase()}`);
    let id = `${date}-${ps[0].code.toLowerCase()}-${kind}-${i + 1}`;
    while (seenIds.has(id)) id += 'x';
    seenIds.add(id);
    const nSources = 1 + weighted(rand, [50, 35, 15], 100);
    const sources = pickDistinct(rand, PUBLISHERS.map(() => 1), PUBLISHERS.length, nSources).map((k) => {
      const [publisher, host, lang] = PUBLISHERS[k];
      return { url: `https://${host}/${y}/${pad(m)}/${id}`, publisher, lang };
    });
    events.push({
      id,
      date,
      partners: ps.map((x) => x.code),
      sectors: ss.map((x) => x.id),
      kind,
      title,
      summary,
      sources,
    });
  }
  // Newest first, the timeline's default order (by date, then id, as the app sorts): the app
  // shows the first screenful of a long file written so before it has read the whole file.
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  events.sort((a, b) => cmp(b.date, a.date) || cmp(b.id, a.id));
  return { version: 1, updated: '2026-12-31', partners, sectors, events };
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD. */
function dateParts(date) {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

/** TimelineJS's JSON format: one slide per event, dated at the event's precision. */
function toTimelineJS(dataset) {
  return {
    events: dataset.events.map((e) => {
      const { year, month, day } = dateParts(e.date);
      const start_date = { year };
      if (month) start_date.month = month;
      if (day) start_date.day = day;
      return { start_date, text: { headline: e.title.en, text: e.summary.en } };
    }),
  };
}

/** vis-timeline items; `partners` is kept as an extra field for the DataView filter. */
function toVis(dataset) {
  return dataset.events.map((e, i) => {
    const { year, month, day } = dateParts(e.date);
    return {
      id: i + 1,
      content: e.title.en,
      start: `${year}-${pad(month || 1)}-${pad(day || 1)}`,
      partners: e.partners,
    };
  });
}

/** The folded text the app searches, approximately (both languages, partners, sectors, kind). */
function searchText(dataset, e) {
  const name = (list, key, v) => list.find((x) => x[key] === v);
  const parts = [e.title.en, e.title.fr, e.summary.en, e.summary.fr, e.kind];
  for (const code of e.partners) {
    const p = name(dataset.partners, 'code', code);
    parts.push(code, p.name.en, p.name.fr);
  }
  for (const id of e.sectors) {
    const s = name(dataset.sectors, 'id', id);
    parts.push(s.name.en, s.name.fr);
  }
  return parts.join(' ').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Writes ours-N.json, tl-N.json, vis-N.json and meta-N.json for each n; returns the metas. */
function writeAll(outDir, sizes = SIZES) {
  fs.mkdirSync(outDir, { recursive: true });
  const lists = realLists();
  const metas = {};
  for (const n of sizes) {
    const ds = generate(n, lists);
    const files = {
      ours: path.join(outDir, `ours-${n}.json`),
      tl: path.join(outDir, `tl-${n}.json`),
      vis: path.join(outDir, `vis-${n}.json`),
    };
    fs.writeFileSync(files.ours, JSON.stringify(ds));
    fs.writeFileSync(files.tl, JSON.stringify(toTimelineJS(ds)));
    fs.writeFileSync(files.vis, JSON.stringify(toVis(ds)));
    const precision = { day: 0, month: 0, year: 0 };
    let withPartner = 0;
    let withChar = 0;
    // The oldest event (by date, then id: the app's order), the last of the default list.
    let oldest = null;
    for (const e of ds.events) {
      if (!oldest || e.date < oldest.date || (e.date === oldest.date && e.id < oldest.id)) oldest = e;
      precision[['year', 'month', 'day'][e.date.split('-').length - 1]]++;
      if (e.partners.includes(FILTER_PARTNER)) withPartner++;
      if (searchText(ds, e).includes(SEARCH_CHAR)) withChar++;
    }
    const meta = {
      n,
      seed: SEED,
      files: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, { file: path.basename(f), bytes: fs.statSync(f).size }])),
      precision,
      filterPartner: FILTER_PARTNER,
      eventsWithFilterPartner: withPartner,
      searchChar: SEARCH_CHAR,
      eventsWithSearchChar: withChar,
      oldest: oldest ? oldest.id : null,
    };
    fs.writeFileSync(path.join(outDir, `meta-${n}.json`), JSON.stringify(meta, null, 1));
    metas[n] = meta;
  }
  return metas;
}

module.exports = { generate, toTimelineJS, toVis, writeAll, mulberry32, SIZES, SEARCH_CHAR, FILTER_PARTNER };

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '.work', 'data'));
  const sizes = process.argv.slice(3).map(Number);
  const t0 = Date.now();
  const metas = writeAll(outDir, sizes.length ? sizes : SIZES);
  for (const m of Object.values(metas)) console.log(JSON.stringify(m));
  console.log(`written to ${outDir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
