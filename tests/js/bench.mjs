// The benchmark's measurements that need node or a browser (run by scripts/bench.sh, never by
// `make test`): bundle sizes against the raw text, and search latency in headless Chromium for
// the explorer's wasm engine and for minisearch, flexsearch and elasticlunr.js on the same
// documents, queries and tokenization (Chinese as character pairs, like ours). Ours is timed
// twice: ranking only (documents and scores, what the libraries return: the like-for-like
// figure) and the app's full search (the ranking plus highlighted titles and snippets).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./browser.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";
import { dataFile } from "./bundle.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BENCH = path.resolve(process.argv[2] ?? path.join(HERE, "../../target/bench"));
const ROUNDS = Number(process.env.ROUNDS ?? 100);
const RUNS = Number(process.env.RUNS ?? 3);

const gzip = (b) => zlib.gzipSync(b, { level: 9 }).length;
const brotli = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

// The bundle (the list's first load), its texts (bodies and context) and its index: the last two
// are fetched when first needed. Each is named by its content in the site.
const names = ["bundle", "texts", "search"].map((kind) => dataFile(path.join(BENCH, "dist"), kind));
const files = names.map((f) => [f, readFileSync(path.join(BENCH, "dist", f))]);
const corpus = path.join(BENCH, "corpus");
const text = Buffer.concat(readdirSync(corpus).filter((f) => f.endsWith(".md")).sort().map((f) => readFileSync(path.join(corpus, f))));
for (const [name, bytes] of files) console.log(`${name}: ${kb(bytes.length)} raw, ${kb(gzip(bytes))} gzip, ${kb(brotli(bytes))} brotli`);
const shipped = files.reduce((sum, [, bytes]) => sum + gzip(bytes), 0);
console.log(`raw Markdown text: ${kb(text.length)} raw, ${kb(gzip(text))} gzip; (bundle + texts + index) gzip / text gzip = ${(shipped / gzip(text)).toFixed(2)}×`);

const host = await serveStatic(path.join(BENCH, "dist"), "/");
const browser = await launchChromium();
try {
  // The site's Content-Security-Policy forbids the inline scripts the libraries are added as.
  const page = await browser.newPage({ bypassCSP: true });
  await page.goto(host.url);
  await page.waitForFunction(() => window.wasmBindings?.bench_search, null, { timeout: 60_000 });
  for (const lib of ["minisearch/dist/umd/index.js", "flexsearch/dist/flexsearch.bundle.min.js", "elasticlunr/elasticlunr.min.js"]) {
    await page.addScriptTag({ path: path.join(HERE, "node_modules", lib) });
  }
  const results = await page.evaluate(async ([rounds, RUNS, [bundleFile, textsFile, searchFile]]) => {
    const bundleText = await (await fetch(bundleFile)).text();
    const textsText = await (await fetch(textsFile)).text();
    const searchText = await (await fetch(searchFile)).text();
    const queries = window.wasmBindings.bench_queries();
    // Every engine runs the whole series once untimed, so it is timed with its code compiled by
    // the browser's optimizing tier, then RUNS times: a query's figure is its best run, as other
    // work on the machine only ever adds time.
    const best = (runs) => runs[0].map((_, q) => Math.min(...runs.map((run) => run[q])));
    const timed = (run) => Array.from({ length: RUNS + 1 }, run).slice(1);
    const ourSearch = () => JSON.parse(window.wasmBindings.bench_search(bundleText, textsText, searchText, rounds));
    // The engine's build time is the first one's, as at a reader's first search.
    const { engine_ms, first_correction_ms } = ourSearch();
    const ourRuns = Array.from({ length: RUNS }, ourSearch);
    const ours = {
      engine_ms,
      first_correction_ms,
      ranking: best(ourRuns.map((run) => run.ranking)),
      search: best(ourRuns.map((run) => run.search)),
    };
    const list = JSON.parse(window.wasmBindings.bench_explore(bundleText, textsText, searchText, rounds));
    const bundle = JSON.parse(bundleText);
    const { bodies } = JSON.parse(textsText);
    const plain = (html) => (html ?? "").replace(/<[^>]+>/g, " ").replace(/&[a-z#0-9]+;/g, " ");
    const docs = bundle.takeaways.title.map((title, id) => ({ id, title, body: plain(bodies[id]) }));
    const tokenize = (text) => {
      const out = [];
      for (const run of text.normalize("NFKC").toLowerCase().match(/[\u3400-\u9fff]+|[\p{L}\p{N}][\p{L}\p{N}.+\-/_]*/gu) ?? []) {
        if (/[\u3400-\u9fff]/.test(run[0])) {
          if (run.length === 1) out.push(run);
          for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
        } else out.push(run);
      }
      return out;
    };
    const series = (search) => queries.map((q) => {
      const start = performance.now();
      for (let i = 0; i < rounds; i++) search(q);
      return (performance.now() - start) / rounds;
    });
    const time = (search) => best(timed(() => series(search)));
    const libraries = {};
    let start = performance.now();
    const mini = new MiniSearch({ fields: ["title", "body"], tokenize, processTerm: (t) => t, searchOptions: { boost: { title: 3 }, prefix: true } });
    mini.addAll(docs);
    libraries.minisearch = { index_ms: performance.now() - start, latencies: time((q) => mini.search(q).slice(0, 10)) };
    start = performance.now();
    const flex = new FlexSearch.Document({ document: { id: "id", index: ["title", "body"] }, encoder: tokenize, tokenize: "forward" });
    docs.forEach((d) => flex.add(d));
    libraries.flexsearch = { index_ms: performance.now() - start, latencies: time((q) => flex.search(q, { limit: 10 })) };
    start = performance.now();
    elasticlunr.tokenizer = tokenize;
    const lunr = elasticlunr(function () {
      this.addField("title");
      this.addField("body");
      this.setRef("id");
      this.saveDocument(false);
    });
    lunr.pipeline.reset();
    docs.forEach((d) => lunr.addDoc(d));
    libraries["elasticlunr.js"] = {
      index_ms: performance.now() - start,
      latencies: time((q) => lunr.search(q, { fields: { title: { boost: 3 }, body: { boost: 1 } }, expand: true }).slice(0, 10)),
    };
    return { docs: docs.length, ours, libraries, list, queries };
  }, [ROUNDS, RUNS, names]);
  const pct = (values, p) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
  };
  const line = (name, latencies, extra = "") =>
    console.log(`${name.padEnd(22)} p50 ${pct(latencies, 50).toFixed(3)} ms   p95 ${pct(latencies, 95).toFixed(3)} ms${extra}`);
  const { ours, libraries } = results;
  console.log(`\nsearch in headless Chromium, ${results.docs} takeaways, ${ours.ranking.length} queries × ${ROUNDS} rounds, best of ${RUNS} runs after a warm-up, top 10:`);
  line("takeaways ranking", ours.ranking, `   (Rust/wasm; engine built from the shipped index in the page: ${ours.engine_ms.toFixed(0)} ms; first correction of a misspelt word: ${ours.first_correction_ms.toFixed(1)} ms)`);
  line("takeaways full search", ours.search, "   (ranking + highlighted titles and snippets, as the app calls it)");
  for (const [name, r] of Object.entries(libraries)) line(name, r.latencies, `   (indexing in the page: ${r.index_ms.toFixed(0)} ms)`);
  const [fastest, best] = Object.entries(libraries).map(([name, r]) => [name, pct(r.latencies, 95)]).sort((a, b) => a[1] - b[1])[0];
  console.log(`p95: takeaways ranking ${pct(ours.ranking, 95).toFixed(3)} ms vs fastest library (${fastest}) ${best.toFixed(3)} ms`);
  if (process.env.PER_QUERY) results.queries.forEach((q, i) => console.log(results.ours.ranking[i].toFixed(3), results.libraries.flexsearch.latencies[i].toFixed(3), q));
  console.log(`\nthe explorer's list in headless Chromium (Rust/wasm), ${results.docs} takeaways, after each change:`);
  for (const [change, ms] of results.list) console.log(`${ms.toFixed(3).padStart(9)} ms  ${change}`);
} finally {
  await browser.close();
  await host.close();
}
