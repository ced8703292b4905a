// End-to-end tests of the built explorer (dist/, and a build under a sub-path) in Debian's
// headless Chromium, served by a static host that falls back to 404.html like GitHub Pages.
// Screenshots of each page go to target/screenshots/ for people to look at.
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "./static-host.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = process.env.DIST ?? path.join(ROOT, "dist");
const SUBPATH_DIST = process.env.SUBPATH_DIST ?? path.join(ROOT, "target/dist-subpath");
const SCREENSHOTS = path.join(ROOT, "target/screenshots");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let browser;
const contexts = [];
const bundle = JSON.parse(await readFile(path.join(DIST, "bundle.json"), "utf8"));
// The bundle writes the takeaways as two columns: join them back.
bundle.takeaways = bundle.takeaways.fields.map((t, i) => ({ ...t, body_html: bundle.takeaways.body_html[i] }));
const articleFiles = (await readdir(path.join(ROOT, "corpus"))).filter((f) => f.endsWith(".md"));

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => browser?.close());
afterEach(async () => Promise.all(contexts.splice(0).map((c) => c.close())));

/** A fresh page that records console errors and uncaught exceptions. */
async function openPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // The static host answers deep links with 404.html and status 404, as GitHub Pages does:
    // that one 404, of the page itself, is expected.
    const ofThePage = m.location().url === page.url() && /status of 404/.test(m.text());
    if (m.type() === "error" && !ofThePage) page.problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const plain = (html) => html.replace(/<[^>]+>/g, "").replace(/&[a-z]+;/g, " ").replace(/\s+/g, " ").trim();
const devops = bundle.takeaways.find((t) => t.title.startsWith("DevOps"));

for (const [name, dist, prefix] of [["root", DIST, "/"], ["sub-path", SUBPATH_DIST, "/some/path/"]]) {
  describe(`explorer served at ${name} (${prefix})`, () => {
    let host;
    before(async () => (host = await serveStatic(dist, prefix)));
    after(async () => host?.close());
    const tag = name === "root" ? "" : "subpath-";

    test("home lists every article of the corpus with its takeaways", async () => {
      const page = await openPage();
      await page.goto(host.url);
      await page.locator(".article-card").first().waitFor();
      assert.equal(await page.locator(".article-card").count(), articleFiles.length);
      assert.equal(await page.locator(".event").count(), bundle.events.length);
      const titles = await page.locator(".article-card h3").allTextContents();
      assert.deepEqual(new Set(titles), new Set(bundle.articles.map((a) => a.title)));
      assert.equal(await page.locator(".takeaway-list a").count(), bundle.takeaways.length);
      await shot(page, `${tag}home`);
      assert.deepEqual(page.problems, []);
    });

    test("a takeaway's link opens its page, and back returns home", async () => {
      const page = await openPage();
      await page.goto(host.url);
      await page.getByRole("link", { name: devops.title }).click();
      await page.locator("article.takeaway h1").waitFor();
      assert.equal(new URL(page.url()).pathname, `${prefix}t/${devops.id}`);
      assert.match(await page.locator("h1").textContent(), new RegExp(devops.title.slice(0, 10)));
      await page.goBack();
      await page.locator(".article-card").first().waitFor();
      assert.equal(new URL(page.url()).pathname, prefix);
      assert.deepEqual(page.problems, []);
    });

    test("a deep link loaded directly shows the takeaway's title and body", async () => {
      const page = await openPage();
      await page.goto(`${host.url}t/${devops.id}`);
      await page.locator("article.takeaway .body").waitFor();
      assert.match(await page.locator("h1").textContent(), new RegExp(devops.title.slice(0, 10)));
      const body = await page.locator("article.takeaway .body").textContent();
      assert.ok(body.replace(/\s+/g, " ").includes(plain(devops.body_html).slice(0, 30)), body);
      assert.match(await page.title(), /DevOps/);
      await shot(page, `${tag}takeaway`);
      assert.deepEqual(page.problems, []);
    });

    test("a takeaway shows its event, themes and projects; a title-only one says so", async () => {
      const page = await openPage();
      await page.goto(`${host.url}t/${devops.id}`);
      await page.locator("article.takeaway .body").waitFor();
      const event = bundle.events[bundle.articles[devops.article].event];
      assert.match(await page.locator(".byline").textContent(), new RegExp(event.city.zh));
      const themes = await page.locator(".chip.theme").allTextContents();
      assert.deepEqual(themes, devops.themes.map((m) => bundle.themes[m.theme].name.zh));
      const cilium = bundle.takeaways.find((t) => t.projects?.some((p) => bundle.projects[p].id === "cilium"));
      await page.goto(`${host.url}t/${cilium.id}`);
      await page.locator(".chip.project").first().waitFor();
      assert.ok((await page.locator(".chip.project").allTextContents()).includes("Cilium"));
      await shot(page, `${tag}takeaway-with-projects`);
      const titleOnly = bundle.takeaways.find((t) => !t.body_html);
      await page.goto(`${host.url}t/${titleOnly.id}`);
      await page.locator(".no-detail").waitFor();
      assert.equal(await page.locator(".body").count(), 0);
      await shot(page, `${tag}takeaway-title-only`);
      assert.deepEqual(page.problems, []);
    });

    test("an article page shows its context and an anchor per takeaway", async () => {
      const page = await openPage();
      const article = bundle.articles.find((a) => a.id === "2024-eu-paris-the-new-stack");
      await page.goto(host.url);
      await page.getByRole("link", { name: article.title }).click();
      await page.locator(".article-page .context").first().waitFor();
      assert.equal(new URL(page.url()).pathname, `${prefix}a/${article.id}`);
      // Context stays where the article has it: the overview first, the conclusion last.
      const blocks = await page.locator(".article-page > .context, .article-page > .article-takeaway").evaluateAll(
        (els) => els.map((e) => (e.classList.contains("context") ? e.textContent : "takeaway")));
      assert.match(blocks.slice(0, blocks.indexOf("takeaway")).join(), /60 场会议/);
      assert.match(blocks.at(-1), /结语/);
      const anchors = await page.locator(".article-takeaway").evaluateAll((els) => els.map((e) => e.id));
      assert.deepEqual(anchors, bundle.takeaways.filter((t) => bundle.articles[t.article] === article).map((t) => t.id));
      await shot(page, `${tag}article`);
      assert.deepEqual(page.problems, []);
    });

    test("search: typing shows ranked, highlighted results; the query lives in the URL", async () => {
      const page = await openPage();
      await page.goto(host.url);
      await page.locator(".article-card").first().waitFor();
      await page.keyboard.press("/");
      const box = page.getByRole("searchbox");
      assert.ok(await box.evaluate((e) => e === document.activeElement), "/ focuses the search box");
      for (const [query, expected] of [["平台工程", devops], ["platform engineering", devops], ["cilium", bundle.takeaways.find((t) => t.title.startsWith("使用 eBPF 和 Cilium"))]]) {
        await box.fill(query);
        await page.locator(".result").first().waitFor();
        await page.waitForFunction((q) => new URL(location.href).searchParams.get("q") === q, query);
        assert.equal(await page.locator(".result a").first().textContent(), expected.title, `first result for ${query}`);
        assert.ok((await page.locator(".result").first().locator("mark").count()) > 0, `matches marked for ${query}`);
      }
      await box.fill("可观察性");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "可观察性");
      const titles = await page.locator(".result a").allTextContents();
      assert.ok(titles.slice(0, 3).some((t) => t.includes("可观测性")), `可观察性 finds 可观测性: ${titles}`);
      await shot(page, `${tag}search`);
      // Reload restores the results; a result opens its takeaway; back returns to them.
      await page.reload();
      await page.locator(".result").first().waitFor();
      assert.equal(await box.inputValue(), "可观察性");
      await page.locator(".result a").first().click();
      await page.locator("article.takeaway h1").waitFor();
      await page.goBack();
      await page.locator(".result").first().waitFor();
      // Nothing found says so; Escape clears back to the home page.
      await box.fill("zzzqqq");
      await page.locator(".hint").waitFor();
      await shot(page, `${tag}search-empty`);
      await box.press("Escape");
      await page.locator(".article-card").first().waitFor();
      assert.equal(new URL(page.url()).search, "");
      assert.deepEqual(page.problems, []);
    });

    test("share pages carry link-preview tags and the text, readable without JavaScript", async () => {
      const raw = await (await fetch(`${host.url}t/${devops.id}/`)).text();
      const meta = (property) => raw.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`))?.[1];
      assert.match(raw, new RegExp(`<title>${devops.title.slice(0, 10)}`));
      assert.equal(meta("og:type"), "article");
      assert.match(meta("og:title"), /DevOps 已经过时/);
      assert.ok(meta("og:description")?.length > 20, "og:description");
      assert.equal(meta("description"), meta("og:description"));
      assert.match(meta("og:url"), new RegExp(`^https?://[^/]+${prefix}t/${devops.id}$`));
      assert.match(raw, new RegExp(`<link rel="canonical" href="[^"]+${prefix}t/${devops.id}"`));
      // Without JavaScript, the takeaway is there to read.
      const still = await openPage({ javaScriptEnabled: false });
      await still.goto(`${host.url}t/${devops.id}`);
      assert.match(await still.locator("h1").textContent(), /DevOps 已经过时/);
      assert.ok((await still.locator("#prerendered").textContent()).includes(plain(devops.body_html).slice(0, 30)));
      await shot(still, `${tag}share-page-without-js`);
      // With it, the app takes over: one page, one title, the address without the folder's slash.
      const page = await openPage();
      await page.goto(`${host.url}t/${devops.id}`);
      await page.locator("article.takeaway .chips").first().waitFor();
      assert.equal(await page.locator("#prerendered").count(), 0);
      assert.equal(await page.locator("h1").count(), 1);
      assert.equal(new URL(page.url()).pathname, `${prefix}t/${devops.id}`);
      assert.deepEqual(page.problems, []);
    });

    test("an unknown takeaway id and an unknown route show the not-found page", async () => {
      const page = await openPage();
      for (const missing of ["t/no-such-takeaway", "no/such/page", "a/no-such-article"]) {
        await page.goto(`${host.url}${missing}`);
        await page.locator(".not-found").waitFor();
        assert.match(await page.locator(".not-found h1").textContent(), /找不到/);
      }
      await page.getByRole("link", { name: /Back to all takeaways/ }).click();
      await page.locator(".article-card").first().waitFor();
      await shot(page, `${tag}home-after-not-found`);
      await page.goto(`${host.url}t/no-such-takeaway`);
      await page.locator(".not-found").waitFor();
      await shot(page, `${tag}not-found`);
      assert.deepEqual(page.problems, []);
    });
  });
}

describe("looks", () => {
  let host;
  before(async () => (host = await serveStatic(DIST, "/")));
  after(async () => host?.close());

  test("dark mode and a 375 px phone render the takeaway page", async () => {
    const page = await openPage({ colorScheme: "dark", viewport: { width: 375, height: 800 } });
    await page.goto(`${host.url}t/${devops.id}`);
    await page.locator("article.takeaway .body").waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.notEqual(background, "rgb(255, 255, 255)");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 375px screen`);
    await shot(page, "takeaway-dark-375");
    assert.deepEqual(page.problems, []);
  });
});
