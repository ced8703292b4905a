// The explorer against bad input in the browser: garbage URLs, a failed, truncated or
// mismatched bundle, a Rust panic, and the Content-Security-Policy. Every case must end in a
// page a reader can use — never a blank one — and nothing may break the policy.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, useBrowser } from "./browser.mjs";
import { PAGE, dataFile, readBundle } from "./bundle.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";

const DIST = process.env.DIST ?? path.join(ROOT, "dist");
const SUBPATH_DIST = process.env.SUBPATH_DIST ?? path.join(ROOT, "target/dist-subpath");
// The bundle's outline, as pages fetch it: `bundle.<hash>/outline.json`, beside its takeaways' titles (typing's).
const outlineText = await readFile(path.join(DIST, dataFile(DIST, "bundle").replace(/\.json$/, "/outline.json")), "utf8");
const bundle = await readBundle(DIST);
// Garbage URLs and broken bundles make the browser log failed requests: here only uncaught
// errors (`page.errors`) and policy violations count.
const { openPage, shot } = useBrowser();

/** Waits for the page to show something a reader can use, and returns which. */
async function settled(page) {
  const shown = page.locator(".card, .not-found, article.takeaway, .article-page, .error").first();
  await shown.waitFor();
  return shown.evaluate((e) => e.className);
}

const longQuery = "平台".repeat(5_500); // 100 KB once percent-encoded
const garbage = [
  "?q=%E0%A4%A", "?q=%ZZ%", "?q=" + encodeURIComponent(longQuery), "?theme=nope&event=%FF&year=abc&n=-5",
  "?n=99999999999999999999", "?theme=,,,&project=" + "x,".repeat(2000),
  "t/%00", "t/%E0%A4%A", "t/..%2F..%2Fetc%2Fpasswd", "t/" + "a".repeat(5000), "a/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "t/", "a/", "t//x", "t/x/y/z", "%F0%9F%98%80/%20", "index.html?q=k8s", "#/t/x", "?q=<script>window.pwned=1</script>",
];

for (const [name, dist, prefix] of [["root", DIST, "/"], ["sub-path", SUBPATH_DIST, "/some/path/"]]) {
  describe(`bad URLs at ${name}`, () => {
    let host;
    before(async () => (host = await serveStatic(dist, prefix)));
    after(async () => host?.close());

    test("every garbage URL renders a page, with no uncaught error and nothing executed", async () => {
      const page = await openPage();
      for (const url of garbage) {
        await page.goto(`${host.url}${url}`);
        const shown = await settled(page).catch((e) => `nothing at ${url}: ${e.message.split("\n")[0]}`);
        assert.ok(!/error/.test(shown), `${url} showed ${shown}`);
        assert.equal(await page.evaluate(() => window.pwned), undefined, url);
      }
      assert.deepEqual(page.errors, []);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
    });
  });
}

describe("failures and policy", () => {
  let host;
  before(async () => (host = await serveStatic(DIST, "/")));
  after(async () => host?.close());

  const json = (body) => ({ status: 200, contentType: "application/json", body });
  for (const [what, file, fulfil, expected] of [
    ["a failed download", "outline", { status: 500, body: "oops" }, /HTTP 500/],
    ["a truncated bundle", "outline", json(outlineText.slice(0, 5000)), /damaged/],
    ["a bundle of another schema", "outline", json(outlineText.replace(/^\{"schema":\d+/, '{"schema":1')), /schema version 1/],
  ]) {
    test(`${what} says so and offers a retry that works`, async () => {
      const page = await openPage();
      let broken = true;
      await page.route(`**/bundle.*/${file}.json`, (route) => (broken ? route.fulfill(fulfil) : route.continue()));
      await page.goto(host.url);
      await page.locator(".error").waitFor();
      assert.match(await page.locator(".error").textContent(), expected);
      broken = false;
      await page.getByRole("button", { name: "重试" }).click();
      await page.locator(".card").first().waitFor();
      assert.equal(await page.locator(".card").count(), Math.min(bundle.takeaways.length, PAGE));
      assert.deepEqual(page.errors, []);
    });
  }

  for (const [what, fulfil, expected] of [
    ["a failed download of the texts", { status: 500, body: "oops" }, /texts\.[0-9a-f]+\/\d+\.json: HTTP 500/],
    ["texts of another version", { status: 200, contentType: "application/json", body: '{"schema":1,"bodies":[],"contexts":[]}' }, /another version/],
    ["texts of another article", { status: 200, contentType: "application/json", body: JSON.stringify({ schema: bundle.schema, article: "x", bodies: [], contexts: [], theme_terms: [] }) }, /another build/],
  ]) {
    test(`${what} on a takeaway page says so and offers a retry that works`, async () => {
      const page = await openPage();
      let broken = true;
      // An article's texts: `texts.<hash>/<n>.json`.
      await page.route(/\/texts\.[0-9a-f]+\/\d+\.json$/, (route) => (broken ? route.fulfill(fulfil) : route.continue()));
      const devops = bundle.takeaways.find((t) => t.title.startsWith("DevOps"));
      await page.goto(`${host.url}t/${devops.id}`);
      await page.locator(".error").waitFor();
      assert.match(await page.locator(".error").textContent(), expected);
      broken = false;
      await page.getByRole("button", { name: "重试" }).click();
      await page.locator(".takeaway .body").waitFor();
      assert.ok((await page.locator(".takeaway .body").textContent()).includes("DevOps"));
      assert.deepEqual(page.errors, []);
    });
  }

  test("a large site's home shows its first page with the first page's outline, then fetches the whole one; its failure says so and a retry works; a filtered home starts with the whole", async () => {
    // The sub-path site ships the first page's outline, as a large one does; no service worker,
    // whose fetches would pass the route by.
    const large = await serveStatic(SUBPATH_DIST, "/some/path/");
    try {
      const page = await openPage({ serviceWorkers: "block" });
      let broken = true;
      await page.route("**/bundle.*/outline.json", (route) =>
        broken ? route.fulfill({ status: 500, body: "oops" }) : route.continue());
      await page.goto(large.url);
      // The first page showed without the whole outline, which was asked for once it had.
      await page.locator(".error").waitFor();
      // A failed response's timing entry may come after the app has shown its failure.
      await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/outline.json")));
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => [e.name, e.startTime, e.responseEnd]));
      const first = fetched.filter(([name]) => name.endsWith("/first-page.json"));
      const whole = fetched.filter(([name]) => name.endsWith("/outline.json"));
      const summaries = fetched.filter(([name]) => name.endsWith("-summaries.json"));
      assert.equal(first.length, 1);
      assert.ok(whole.length === 1 && summaries.length > 0, JSON.stringify(fetched));
      assert.ok(summaries.every(([, , end]) => end <= whole[0][1]), "the whole outline was asked for before the first page showed");
      assert.match(await page.locator(".error").textContent(), /outline\.json: HTTP 500/);
      broken = false;
      await page.getByRole("button", { name: "重试" }).click();
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n && !document.querySelector(".error"), Math.min(bundle.takeaways.length, PAGE));
      // Filters count and list every takeaway's themes.
      const theme = bundle.themes.findIndex((t) => t.id === "platform-engineering");
      const platform = bundle.takeaways.filter((t) => t.themes?.includes(theme));
      await page.locator('input[name="theme"][value="platform-engineering"]').click();
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, Math.min(platform.length, PAGE));
      assert.match(await page.locator(".result-count").textContent(), new RegExp(`${platform.length} 条要点`));
      // A filtered home's link needs every takeaway's: it starts with the whole outline.
      const other = await openPage({ serviceWorkers: "block" });
      await other.goto(`${large.url}?theme=platform-engineering`);
      await other.waitForFunction((n) => document.querySelectorAll(".card").length === n && !document.querySelector("main[data-prerendered]"), Math.min(platform.length, PAGE));
      const asked = await other.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
      assert.ok(!asked.some((name) => name.endsWith("/first-page.json")), asked.join("\n"));
      // Focusing the search box fetches the index while the whole outline is on its way: the
      // engine waits for the whole outline rather than being made of the first page's.
      const early = await openPage({ serviceWorkers: "block" });
      let release;
      const released = new Promise((resolve) => (release = resolve));
      await early.route("**/bundle.*/outline.json", async (route) => {
        await released;
        await route.continue();
      });
      await early.goto(large.url);
      await early.locator(".card").first().waitFor();
      await early.keyboard.press("/");
      await early.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/head.json")));
      await early.waitForTimeout(300);
      release();
      await early.getByRole("searchbox").fill("平台工程");
      await early.locator(".card mark").first().waitFor();
      assert.deepEqual(page.errors, []);
      assert.deepEqual(other.errors, []);
      assert.deepEqual(early.errors, []);
    } finally {
      await large.close();
    }
  });

  test("a failed download of the cards' summaries says so above them and offers a retry that works", async () => {
    // No service worker: its fetches would pass the route by.
    const page = await openPage({ serviceWorkers: "block" });
    let broken = true;
    // An article's takeaways' summaries: `texts.<hash>/<n>-summaries.json`.
    await page.route(/\/texts\.[0-9a-f]+\/\d+-summaries\.json$/, (route) => (broken ? route.fulfill({ status: 500, body: "oops" }) : route.continue()));
    await page.goto(`${host.url}?theme=platform-engineering`);
    const notice = page.locator("main .error[role=alert]");
    await notice.waitFor();
    assert.match(await notice.textContent(), /部分摘要或正文无法加载：.*texts\.[0-9a-f]+\/\d+-summaries\.json: HTTP 500/);
    // The cards are listed, without their summaries.
    assert.ok((await page.locator(".card").count()) > 0);
    assert.equal(await page.locator(".card .card-line").count(), 0);
    await shot(page, "summaries-failed");
    broken = false;
    await notice.getByRole("button", { name: "重试" }).click();
    await page.locator(".card .card-line").first().waitFor();
    assert.equal(await notice.count(), 0);
    assert.deepEqual(page.errors, []);
  });

  // What search needs: the index, and every takeaway's and article's titles (the bundle's second
  // and third files), which typing fetches on any site (a large site's `?q=` link reads its
  // ranking's titles with their articles' summaries).
  const failed = { status: 500, body: "oops" };
  const titles = /\/bundle\.[0-9a-f]+\/titles\.json$/;
  const articleTitles = /\/bundle\.[0-9a-f]+\/articles\.json$/;
  for (const [what, pattern, fulfil, expected] of [
    ["a failed download of the index's head", /\/search\.[0-9a-f]+\/head\.json$/, failed, /search\.[0-9a-f]+\/head\.json: HTTP 500/],
    ["a failed download of a piece of the index", /\/search\.[0-9a-f]+\/\d+\.json$/, failed, /search\.[0-9a-f]+\/\d+\.json: HTTP 500/],
    ["a failed download of the takeaways' titles", titles, failed, /titles\.json: HTTP 500/],
    ["titles of another build", titles, json(JSON.stringify({ schema: bundle.schema, title: ["x"], alt_title: [null] })), /another build/],
    ["a failed download of the articles' titles", articleTitles, failed, /articles\.json: HTTP 500/],
  ]) {
    test(`${what} says so under the query and offers a retry that works`, async () => {
      // No service worker: its fetches would pass the route by.
      const page = await openPage({ serviceWorkers: "block" });
      let broken = true;
      await page.route(pattern, (route) => (broken ? route.fulfill(fulfil) : route.continue()));
      if (pattern === titles || pattern === articleTitles) {
        await page.goto(host.url);
        await page.locator(".search input").fill("cilium");
      } else {
        await page.goto(`${host.url}?q=cilium`);
      }
      const notice = page.locator(".listing .notice[role=alert]");
      await notice.waitFor();
      assert.match(await notice.textContent(), /搜索索引无法加载：/);
      assert.match(await notice.textContent(), expected);
      broken = false;
      await notice.getByRole("button", { name: "重试" }).click();
      await page.locator(".card mark").first().waitFor();
      assert.equal(await notice.count(), 0);
      assert.deepEqual(page.errors, []);
    });
  }

  test("the pages carry a Content-Security-Policy and no view breaks it", async () => {
    const index = await (await fetch(host.url)).text();
    const policy = index.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(policy, "index.html has a CSP");
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    const devops = bundle.takeaways.find((t) => t.title.startsWith("DevOps"));
    const share = await (await fetch(`${host.url}t/${devops.id}/`)).text();
    assert.ok(share.includes(policy), "share pages carry the same policy");
    const page = await openPage();
    for (const url of ["", "?q=cilium&theme=networking", `t/${devops.id}`, "a/2024-eu-paris-the-new-stack", "no/such/page"]) {
      await page.goto(`${host.url}${url}`);
      await settled(page);
    }
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.errors, []);
  });
});

describe("a site built from hostile articles", () => {
  const HOSTILE_DIST = process.env.HOSTILE_DIST ?? path.join(ROOT, "target/dist-hostile");
  let host;
  let hostile;
  before(async () => {
    // Built under the sub-path, as the next deploy of that site (see the offline tests).
    host = await serveStatic(HOSTILE_DIST, "/some/path/");
    const built = await readBundle(HOSTILE_DIST);
    hostile = built.takeaways.filter((t) => t.id.startsWith("2024-eu-paris-hostile"));
  });
  after(async () => host?.close());

  test("nothing in them runs, and their links are made safe", async () => {
    assert.equal(hostile.length, 2, "both hostile takeaways are in the bundle");
    const page = await openPage();
    const urls = ["?q=恶意", ...hostile.map((t) => `t/${t.id}`), "a/2024-eu-paris-hostile", `t/${hostile[0].id}/`];
    for (const url of urls) {
      await page.goto(`${host.url}${url}`);
      await settled(page);
      await page.locator(".card, .body").first().waitFor();
      // Give handlers that would fire on load a chance to run.
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.pwned), undefined, `something ran at ${url}`);
      const unsafe = await page.evaluate(() => [...document.querySelectorAll("main *")].flatMap((e) => [
        ...[...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`),
        ...(["SCRIPT", "IFRAME", "OBJECT", "EMBED"].includes(e.tagName) ? [e.tagName] : []),
        ...(/^(javascript|data):/i.test(e.getAttribute("href") ?? "") ? [`href ${e.getAttribute("href")}`] : []),
      ]));
      assert.deepEqual(unsafe, [], url);
    }
    await page.goto(`${host.url}t/${hostile[0].id}`);
    await page.locator(".body").waitFor();
    // Links open in the same tab (no opener to reach) and send no referrer.
    const links = await page.locator(".body a[href]").evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.target]));
    assert.deepEqual(links, [["https://example.org/", ""]]);
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="referrer"]')?.content), "no-referrer");
    // The heading's markup is text now: shown as words, never parsed.
    await page.goto(`${host.url}t/${hostile[1].id}`);
    assert.match(await page.locator("h1").textContent(), /window\.pwned = 'title'/);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  });

  // This site is built with the test exports (`--features test-exports`), the shipped one is not.
  test("a Rust panic shows a banner, not a blank page", async () => {
    const page = await openPage();
    await page.goto(host.url);
    await page.locator(".card").first().waitFor();
    await page.evaluate(() => { try { window.wasmBindings.panic_for_test("test panic <b>"); } catch {} });
    await page.locator(".failure").waitFor();
    assert.match(await page.locator(".failure").textContent(), /Something went wrong[\s\S]*test panic <b>/);
    assert.ok((await page.locator(".card").count()) > 0, "the page is still there to read");
  });
});
