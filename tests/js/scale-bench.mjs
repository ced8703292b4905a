// The scale benchmark of issue 17 (run by scripts/bench-scale.sh, never by `make test`): prints
// what a reader downloads and waits for on a built site, served with gzip only like GitHub Pages,
// in fresh Chromium contexts, side by side with Pagefind indexing the same pages and answering
// the same queries; asserts nothing.
// Usage: node scale-bench.mjs LABEL DIST BUILD_LOG  (BUILD_LOG: the build's output, ending in
// /usr/bin/time's "build: <s> s wall, <KB> KB peak memory" line)
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./browser.mjs";
import { dataFile } from "./bundle.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [LABEL, DIST, BUILD_LOG] = process.argv.slice(2);
const QUERIES = ["平台工程", "可观测性", "kubernetes", "platform engineering", "kuberntes"];
// Typed a key at a time into the search box, once to warm up, then timed; a key at most every
// KEY_GAP_MS, a fast typist's pace (80 words a minute).
const TYPED = "平台工程 kubernetes 可观测性 platform";
const KEY_GAP_MS = 150;
const HOME_RUNS = 3;
// Pagefind indexes what our search finds, the takeaways' pages, and of each page the takeaway
// alone: not the header, footer, links to its neighbours and related takeaways, whose words
// would make it match queries about others.
const PAGEFIND = ["--glob", "t/*/index.html", "--root-selector", "article.takeaway",
  "--exclude-selectors", ".crumbs, .copy, nav.siblings, section.related"];
const BLANK = "pagefind-bench.html";

const kb = (bytes) => `${Math.round(bytes / 1024).toLocaleString("en")} KB`;
const mb = (bytes) => (bytes >= 10 * 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : kb(bytes));
const secs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const count = (n, one, many) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const pct = (values, p) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil((p / 100) * values.length)) - 1];
const folderBytes = (dir) => readdirSync(dir, { recursive: true }).reduce((sum, f) => {
  const s = statSync(path.join(dir, f));
  return sum + (s.isFile() ? s.size : 0);
}, 0);

// The build: its wall time and peak memory (the largest process: trunk, cargo, the hooks).
const log = readFileSync(BUILD_LOG, "utf8");
const [, buildSeconds, buildKb] = log.match(/build: ([\d.]+) s wall, (\d+) KB peak memory/);
const pages = Number(log.match(/takeaways: (\d+) pages/)[1]);
const bundle = JSON.parse(readFileSync(path.join(DIST, dataFile(DIST, "bundle")), "utf8"));
const takeaways = bundle.takeaways.per_article.reduce((sum, count) => sum + count, 0);

// Pagefind over the same built pages: index time, peak memory and size.
rmSync(path.join(DIST, "pagefind"), { recursive: true, force: true });
rmSync(path.join(DIST, BLANK), { force: true });
const siteBytes = folderBytes(DIST);
const timeFile = path.join(path.dirname(BUILD_LOG), "pagefind.time");
const pagefindLog = execFileSync("/usr/bin/time", ["-f", "%e %M", "-o", timeFile,
  path.join(HERE, "node_modules/.bin/pagefind"), "--site", DIST, ...PAGEFIND], { encoding: "utf8" });
const [pagefindSeconds, pagefindKb] = readFileSync(timeFile, "utf8").trim().split(/\s+/).map(Number);
const pagefindPages = Number(pagefindLog.match(/Indexed (\d+) pages?/)?.[1] ?? NaN);
const pagefindVersion = JSON.parse(readFileSync(path.join(HERE, "node_modules/pagefind/package.json"), "utf8")).version;
const pagefindBytes = folderBytes(path.join(DIST, "pagefind"));
writeFileSync(path.join(DIST, BLANK), "<!doctype html><html><head><meta charset=\"utf-8\"><title>Pagefind</title></head><body></body></html>");

const sent = [];
const host = await serveStatic(DIST, "/", 0, { brotli: false, sent });
const browser = await launchChromium();

/** A fresh context (an empty cache) with the service worker blocked, so nothing is precached. */
async function freshPage({ serviceWorkers = "block" } = {}) {
  const context = await browser.newContext({ locale: "zh-CN", serviceWorkers, viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(120_000);
  await context.addInitScript(probes);
  return { context, page: await context.newPage() };
}

/**
 * In the page, before its scripts: times taken on the page's clock (ms since navigation), when
 * - `ready`: the app has the bundle's outline (and every takeaway's titles, if it fetched them)
 *   and the texts of its first cards. The app marks nothing, so the probe notes when the last of
 *   those files' bytes have arrived: the app's wasm parses it in the microtasks after that, and
 *   its effects render in microtasks too, so a task queued then runs after them; the frame after
 *   is painted. (`bundleReady`: the same for the outline alone.) Where the home starts with the
 *   first page's outline (a large site's), the whole one follows once that page shows: it is not
 *   waited for, its arrival noted as `whole`.
 * - `results`: the list shows the query's ranked results: the build's page replaced
 *   (`data-prerendered` gone), ranked ("按相关度排序"), no "loading the search index" notice.
 * - each key typed (`keys`, from its `input` event on): `markup`, when the list's markup (in
 *   `main`) first changed after it (the app's effects, which recompute the list and put it in,
 *   run in microtasks, and so does a mutation observer), and `painted`, the first frame after
 *   that painted (the first screenful of cards); `whole`, the frame after the rest of the page's
 *   cards are in (the region no longer busy) painted; `framed`, the first frame after the key
 *   painted, which tells a key that changed nothing (a space) from one still being worked on.
 *   A key's frames are watched from its `input` event on, the probe's frame callback first in
 *   each frame, so that the timer it sets runs right after the paint: before what the app sets to
 *   run after it (the address bar, the tab's title, the rest of the cards), which a frame
 *   callback set once the markup changed would wait for.
 * - `longTasks`: the main thread's tasks of over 50 ms, as [start, duration].
 * - `longFrames`: the frames that took over 50 ms, as [start, longest script in it, its
 *   rendering from style and layout on]: what made them long, the app's work or the browser's.
 */
function probes() {
  performance.setResourceTimingBufferSize(100_000);
  const bench = (window.__bench = { keys: [], longTasks: [], longFrames: [] });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.longTasks.push([e.startTime, e.duration])))
    .observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.longFrames.push([e.startTime,
    Math.max(0, ...e.scripts.map((s) => s.duration)),
    e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0])))
    .observe({ type: "long-animation-frame", buffered: true });
  // rAF runs before the next paint, a task queued from it after that paint.
  const afterPaint = (note) => requestAnimationFrame(() => setTimeout(() => note(performance.now())));
  // The app reads its data files as bytes.
  const read = Response.prototype.arrayBuffer;
  Response.prototype.arrayBuffer = function () {
    const url = this.url;
    return read.call(this).then((body) => {
      // The bundle comes in three files, its outline (what the app starts with), and every
      // takeaway's titles and every article's (search's, and a list of articles').
      const firstPage = /\/bundle\.[0-9a-f]+\/first-page\.json$/.test(url);
      const outline = /\/bundle\.[0-9a-f]+\/outline\.json$/.test(url);
      if (outline && bench.firstPage) {
        setTimeout(() => afterPaint((t) => (bench.whole ??= t)));
        return body;
      }
      bench.firstPage ||= firstPage;
      if (outline || firstPage) {
        setTimeout(() => afterPaint((t) => (bench.bundleReady ??= t)));
      }
      if (/\/(bundle\.[0-9a-f]+\/(outline|first-page|titles|articles)\.json|texts\.[0-9a-f]+\/(\d+(-summaries)?|takeaway-\d+)\.json)$/.test(url)) {
        setTimeout(() => afterPaint((t) => (bench.ready = Math.max(bench.ready ?? 0, t))));
      }
      return body;
    });
  };
  const shown = () => {
    const main = document.querySelector("main");
    const count = main?.querySelector(".result-count");
    return main && !main.hasAttribute("data-prerendered") && count?.textContent.includes("相关度")
      && !main.textContent.includes("正在加载搜索索引");
  };
  new MutationObserver((mutations) => {
    const key = bench.keys.at(-1);
    const main = document.querySelector("main");
    if (key && key.markup === undefined && mutations.some((m) => main?.contains(m.target))) {
      key.markup = performance.now();
    }
    // Typing's results put in the first screenful of cards, the main region busy until the rest.
    if (key && key.markup !== undefined && key.wholeAt === undefined && !main.hasAttribute("aria-busy")) {
      key.wholeAt = performance.now();
      afterPaint((t) => (key.whole = t));
    }
    if (bench.resultsShown === undefined && shown()) {
      bench.resultsShown = performance.now();
      bench.matches = Number(document.querySelector("main .result-count strong")?.textContent.replace(/\D/g, ""));
      afterPaint((t) => (bench.results = t));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  // Each frame from the key's on until its markup is in, or another key comes: the callback is
  // set before the app's listener runs, then from the frame before, so it comes first.
  const watch = (key) => requestAnimationFrame(() => {
    const changed = key.markup !== undefined;
    setTimeout(() => {
      const t = performance.now();
      key.framed ??= t;
      if (changed) key.painted = t;
    });
    if (!changed && bench.keys.at(-1) === key) watch(key);
  });
  // Before the app's own listener.
  document.addEventListener("input", (e) => {
    const key = { at: e.timeStamp };
    bench.keys.push(key);
    watch(key);
  }, true);
}

/** The page's bytes (bodies as sent, compressed) of what had arrived by `until` (page clock), or
 * with `blocking`, of the page and what blocks its first paint (its stylesheet). */
const bytesBy = (page, until, blocking = false) => page.evaluate(([until, blocking]) => {
  const [navigation] = performance.getEntriesByType("navigation");
  const arrived = [navigation, ...performance.getEntriesByType("resource").filter((e) =>
    (blocking ? e.renderBlockingStatus === "blocking" : true) && e.responseEnd <= until)];
  return { bytes: arrived.reduce((sum, e) => sum + e.encodedBodySize, 0), files: arrived.length };
}, [until, blocking]);

/** A cold visit of the home page: the build's list painted, then the app ready. */
async function coldHome() {
  const { context, page } = await freshPage();
  await page.goto(host.url);
  await page.waitForFunction(() => window.__bench.bundleReady !== undefined);
  await page.waitForLoadState("networkidle");
  const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime);
  const [ready, whole] = await page.evaluate(() => [window.__bench.ready, window.__bench.whole]);
  const result = { fcp, listed: await bytesBy(page, fcp, true), ready, app: await bytesBy(page, ready) };
  if (whole !== undefined) Object.assign(result, { whole, wholeBytes: await bytesBy(page, whole) });
  await context.close();
  return result;
}

/** A cold `?q=` link: bytes and time until the app has painted the results. */
async function coldQuery(query) {
  const { context, page } = await freshPage();
  await page.goto(`${host.url}?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => window.__bench.results !== undefined);
  const { results, matches, longest, script, rendering } = await page.evaluate(() => {
    const { longTasks, longFrames, results } = window.__bench;
    const before = (entries, value) => Math.max(0, ...entries.filter(([start]) => start < results).map(value));
    return {
      ...window.__bench,
      longest: before(longTasks, ([, d]) => d),
      script: before(longFrames, ([, s]) => s),
      rendering: before(longFrames, ([, , l]) => l),
    };
  });
  const result = { time: results, matches, longest, script, rendering, ...(await bytesBy(page, results)) };
  await context.close();
  return result;
}

/** The same query with Pagefind's own API, in a blank page of the same host: its first 10 results' data. */
async function coldPagefind(query) {
  const { context, page } = await freshPage();
  await page.goto(`${host.url}${BLANK}`);
  const found = await page.evaluate(async (query) => {
    const pagefind = await import("/pagefind/pagefind.js");
    await pagefind.options({ baseUrl: "/" });
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    return { time: performance.now(), matches: search.results.length, first: data[0]?.meta?.title ?? "" };
  }, query);
  const result = { ...found, ...(await bytesBy(page, found.time)) };
  await context.close();
  return result;
}

/** Everything a first visit of the home page downloads, the service worker's precache included. */
async function firstVisit() {
  const { context, page } = await freshPage({ serviceWorkers: "allow" });
  sent.length = 0;
  await page.goto(host.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState("networkidle");
  const result = { bytes: sent.reduce((sum, s) => sum + s.bytes, 0), files: sent.length };
  await context.close();
  return result;
}

/** Each key of TYPED typed into the focused box, at most every KEY_GAP_MS, waiting for its
 * results: from the key to its first screenful painted, to its list's markup in, and to the rest
 * painted; none for a key that changed nothing (a space). Where the results come `later` than
 * the key's task (from fetches), a key is waited for until they are painted: each key changes
 * the list. */
async function typeAll(page, later = false) {
  const keys = [];
  for (const typed of TYPED) {
    const n = await page.evaluate(() => window.__bench.keys.length);
    const pace = page.waitForTimeout(KEY_GAP_MS);
    await page.keyboard.type(typed);
    // A key the list does not change with (a space) is left out, and counted.
    await page.waitForFunction(([n, later]) => {
      const key = window.__bench.keys[n];
      return (key?.painted !== undefined && key.whole !== undefined) || (!later && key?.framed !== undefined && key.markup === undefined);
    }, [n, later]);
    const key = await page.evaluate((n) => window.__bench.keys[n], n);
    await pace;
    keys.push(key.painted === undefined ? null : { total: key.painted - key.at, markup: key.markup - key.at, whole: key.whole - key.at });
  }
  return keys;
}

/** Keystrokes into the search box, once the index is here: from the key to the results painted. */
async function typing() {
  const { context, page } = await freshPage();
  await page.goto(host.url);
  await page.waitForFunction(() => window.__bench.ready !== undefined);
  const box = page.locator(".search input");
  await box.click();
  // The first pass fetches the index and compiles the code; the second is the warm one.
  await typeAll(page);
  await page.waitForFunction(() => !document.querySelector("main").textContent.includes("正在加载搜索索引"));
  await box.fill("");
  await page.waitForTimeout(200);
  const keys = await typeAll(page);
  await context.close();
  return keys;
}

/**
 * The same keys typed into a box on a blank page of the same host, timed by the same probe,
 * where each key puts in a line with the query and 8 cards (a title and a line each) in `main`:
 * with `pagefind`, its first 8 results' titles and excerpts (Pagefind's API, no debounce), warm
 * after a first pass as ours; without, 8 fixed cards at once, no search: the least a key can take
 * to be painted here, whatever the app.
 */
async function typingBlank(pagefind) {
  const { context, page } = await freshPage();
  await page.goto(`${host.url}${BLANK}`);
  await page.evaluate(async (pagefind) => {
    document.body.innerHTML = "<input aria-label=search><main></main>";
    const [box, main] = [document.querySelector("input"), document.querySelector("main")];
    const text = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    // An excerpt is Pagefind's markup (its words marked); a title, text.
    const cards = (found) => `<p>${text(box.value)}: ${found.length}</p>`
      + found.map((r) => `<article><h3>${text(r.title)}</h3><p>${r.line}</p></article>`).join("");
    if (!pagefind) {
      box.addEventListener("input", () => {
        main.innerHTML = cards(Array.from({ length: 8 }, (_, i) => ({ title: `${box.value} ${i}`, line: text(box.value) })));
      });
      return;
    }
    const api = await import("/pagefind/pagefind.js");
    await api.options({ baseUrl: "/" });
    box.addEventListener("input", async () => {
      const search = await api.search(box.value);
      const data = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
      main.innerHTML = cards(data.map((d) => ({ title: d.meta?.title ?? "", line: d.excerpt })));
    });
  }, pagefind);
  const box = page.locator("input");
  await box.click();
  if (pagefind) {
    await typeAll(page, pagefind);
    await box.fill("");
  }
  await page.waitForTimeout(200);
  const keys = await typeAll(page, pagefind);
  await context.close();
  return keys;
}

try {
  // A throwaway visit first: the host compresses each file once, as a CDN would have.
  for (const url of [host.url, `${host.url}?q=kubernetes`]) {
    const { context, page } = await freshPage();
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => window.__bench.ready !== undefined);
    await context.close();
  }
  const homes = [];
  for (let run = 0; run < HOME_RUNS; run++) homes.push(await coldHome());
  const ours = [];
  const theirs = [];
  for (const query of QUERIES) {
    ours.push(await coldQuery(query));
    theirs.push(await coldPagefind(query));
  }
  const visit = await firstVisit();
  const keys = await typing();
  const timed = keys.filter(Boolean);
  const [peer, floor] = [await typingBlank(true), await typingBlank(false)];

  const rows = [];
  const row = (what, our, pagefind, target) => rows.push([what, our, pagefind, target]);
  const mid = (values, key) => median(values.map((v) => v[key]));
  row("corpus", `${takeaways.toLocaleString("en")} takeaways, ${pages.toLocaleString("en")} pages`,
    `${pagefindPages.toLocaleString("en")} pages indexed`, "");
  row("build / index", `${Number(buildSeconds).toFixed(0)} s, ${mb(buildKb * 1024)} peak`,
    `${pagefindSeconds.toFixed(1)} s, ${mb(pagefindKb * 1024)} peak`, "build ≤ 2 min, ≤ 2 GB");
  row("site / index on disk", mb(siteBytes), mb(pagefindBytes), "");
  row(`cold home, build's list painted: page and stylesheet (median of ${HOME_RUNS})`,
    `${kb(mid(homes.map((h) => h.listed), "bytes"))} in ${secs(mid(homes, "fcp"))}`, "", "");
  row(`cold home, app ready (median of ${HOME_RUNS})`,
    `${kb(mid(homes.map((h) => h.app), "bytes"))} in ${secs(mid(homes, "ready"))}`, "", "≤ 400 KB");
  row("  then the whole outline, for filters, search and other pages (median)", homes.every((h) => h.whole)
    ? `${kb(mid(homes.map((h) => h.wholeBytes), "bytes"))} by ${secs(mid(homes, "whole"))}` : "the home starts with it", "", "");
  row(`cold ?q= link, median of ${QUERIES.length}`, `${kb(mid(ours, "bytes"))} in ${secs(mid(ours, "time"))}`,
    `${kb(mid(theirs, "bytes"))} in ${secs(mid(theirs, "time"))}`, "≤ 700 KB, ≤ 3 s (Pagefind ~1 s)");
  row("  its longest task on the main thread (median)", secs(mid(ours, "longest")), "", "a frame");
  // Only frames over 50 ms report what filled them.
  const within = (key) => (mid(ours, key) === 0 ? "none in a frame over 50 ms" : secs(mid(ours, key)));
  row("    of the app's script, longest in a frame over 50 ms (median)", within("script"), "", "");
  row("    of the browser's rendering (style, layout, paint), the same", within("rendering"), "", "");
  QUERIES.forEach((query, i) => row(`  ${query}`,
    `${kb(ours[i].bytes)} in ${secs(ours[i].time)}: ${count(ours[i].matches, "match", "matches")}`,
    `${kb(theirs[i].bytes)} in ${secs(theirs[i].time)}: ${count(theirs[i].matches, "page", "pages")}`, ""));
  const spread = (keys, key) => {
    const values = keys.filter(Boolean).map((k) => k[key]);
    return `p50 ${secs(pct(values, 50))}, p95 ${secs(pct(values, 95))}`;
  };
  row(`keystroke → first screenful of results painted, warm (${timed.length} of ${keys.length} keys)`,
    spread(keys, "total"), spread(peer, "total"), "p95 ≤ 16 ms");
  row("  of which the list's markup in", spread(keys, "markup"), spread(peer, "markup"), "");
  row("  the rest of the page's cards painted", spread(keys, "whole"), "", "");
  row(`  a blank page putting in 8 fixed cards a key, no search: the probe's floor (${floor.filter(Boolean).length} keys)`,
    spread(floor, "total"), "", "");
  row("first visit in all, service worker's precache included", `${kb(visit.bytes)} (${visit.files} files)`, "", "");

  // Chinese characters take two columns in a terminal.
  const width = (text) => [...text].reduce((sum, c) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const header = ["", "takeaways", `Pagefind ${pagefindVersion}`, "target (issue 17)"];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[header, ...rows].map((r) => width(r[c]))));
  const line = (cells) => `| ${cells.map((c, i) => c + " ".repeat(widths[i] - width(c))).join(" | ")} |`;
  console.log(`\n== ${LABEL}: served with gzip only, fresh Chromium contexts (empty cache, no service worker unless said)`);
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  rows.forEach((r) => console.log(line(r)));
  console.log(`(load average ${loadavg().map((l) => l.toFixed(1)).join(", ")} on ${availableParallelism()} cores at the end; bytes: response bodies as sent, compressed, of what had arrived; Pagefind: ${PAGEFIND.join(" ")}, from a blank page; its first results: ${theirs.map((t) => JSON.stringify(t.first)).join(", ")})`);
} finally {
  await browser.close();
  await host.close();
}
