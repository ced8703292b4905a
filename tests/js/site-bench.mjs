// Benchmark of the built site (prints figures, asserts nothing): the first-load transfer size
// (HTML + JS + wasm + CSS + bundle + the data files the home page preloads, brotli) and Lighthouse's scores for every kind of page —
// home, a takeaway, an article, the theme graphs, a theme's page — each the median of RUNS runs
// (default 3: scores vary by a few points from run to run on a shared machine), with Debian's
// Chromium. Usage: [RUNS=3] node site-bench.mjs [DIST]
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { serveStatic } from "../../scripts/static-host.mjs";
import { readBundle } from "./bundle.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.resolve(process.argv[2] ?? path.join(ROOT, "dist"));
const brotli = (bytes) => zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const index = await readFile(path.join(DIST, "index.html"), "utf8");
// The data the home page preloads: the bundle's outline and its first cards' summaries and titles.
const preloaded = [...index.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((m) => m[1]).filter((f) => /^(bundle|texts)\.[0-9a-f]+\//.test(f));
const files = (await readdir(DIST))
  .filter((f) => f === "index.html" || /\.(js|wasm|css)$/.test(f))
  .concat(preloaded);
let total = 0;
console.log("== first load (what the home page fetches), brotli quality 11");
for (const file of files.sort()) {
  const bytes = await readFile(path.join(DIST, file));
  const size = brotli(bytes);
  total += size;
  console.log(`${file.padEnd(40)} ${kb(bytes.length).padStart(10)} raw ${kb(size).padStart(10)} brotli`);
}
console.log(`${"total".padEnd(40)} ${"".padStart(14)} ${kb(total).padStart(10)} brotli (target ≤ 250 KB)`);

const bundle = await readBundle(DIST);
const takeaway = bundle.takeaways[0].id;
const article = bundle.articles[bundle.takeaways[0].article].id;
const theme = bundle.themes[0].id;
const RUNS = Number(process.env.RUNS ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const host = await serveStatic(DIST, "/");
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  console.log(`== Lighthouse (mobile emulation, simulated throttling), median of ${RUNS} runs`);
  const pages = [["home", host.url], ["takeaway", `${host.url}t/${takeaway}`], ["article", `${host.url}a/${article}`],
    ["theme graphs", `${host.url}themes`], ["a theme", `${host.url}theme/${theme}`]];
  for (const [name, url] of pages) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
      runs.push(lhr);
    }
    const categories = Object.keys(runs[0].categories);
    const scores = categories.map((c) => `${runs[0].categories[c].title} ${median(runs.map((r) => Math.round(r.categories[c].score * 100)))}`);
    const lcp = median(runs.map((r) => r.audits["largest-contentful-paint"].numericValue));
    const cls = median(runs.map((r) => r.audits["cumulative-layout-shift"].numericValue));
    console.log(`${name}: ${scores.join(", ")}; LCP ${(lcp / 1000).toFixed(1)} s, CLS ${cls.toFixed(3)}`);
    for (const category of Object.values(runs[0].categories)) {
      for (const ref of category.auditRefs.filter((r) => r.weight > 0)) {
        const audit = runs[0].audits[ref.id];
        if (audit.score !== null && audit.score < 0.9) console.log(`  ${category.title}: ${audit.title} (${audit.displayValue ?? audit.score})`);
      }
    }
  }
} finally {
  await chrome.kill();
  await host.close();
}
