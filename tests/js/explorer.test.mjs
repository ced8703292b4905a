// End-to-end tests of the built explorer (dist/, and a build under a sub-path) in Debian's
// headless Chromium, served by a static host that falls back to 404.html like GitHub Pages:
// its pages, lists, search and links (how it feels to use and how it looks: feel.test.mjs).
// Screenshots of each page go to target/screenshots/ for people to look at.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT, urlParam, useBrowser } from "./browser.mjs";
import { PAGE, devopsTakeaway, readBundle, withTheme } from "./bundle.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";

const DIST = process.env.DIST ?? path.join(ROOT, "dist");
const SUBPATH_DIST = process.env.SUBPATH_DIST ?? path.join(ROOT, "target/dist-subpath");

const { openPage, shot } = useBrowser({ viewport: { width: 1100, height: 900 } });
const bundle = await readBundle(DIST);

const plain = (html) => html.replace(/<[^>]+>/g, "").replace(/&[a-z]+;/g, " ").replace(/\s+/g, " ").trim();
const devops = devopsTakeaway(bundle);
const yearOf = (t) => bundle.events[bundle.articles[t.article].event].start.slice(0, 4);
/** Each card's takeaway (its id) and source line (event · article's title · ordinal). */
const cardSources = (page) => page.locator(".card").evaluateAll((cards) => cards.map((card) =>
  [decodeURIComponent(card.querySelector(".card-title").getAttribute("href").split("/t/")[1]), card.querySelector(".card-source").textContent]));
/** Whether each card's source line names its article's title, as the bundle has it. */
const sourcesNameArticles = (sources) => sources.every(([id, source]) =>
  source.includes(`${bundle.articles[bundle.takeaways.find((t) => t.id === id).article].title} · #`));

for (const [name, dist, prefix] of [["root", DIST, "/"], ["sub-path", SUBPATH_DIST, "/some/path/"]]) {
  describe(`explorer served at ${name} (${prefix})`, () => {
    let host;
    before(async () => (host = await serveStatic(dist, prefix)));
    after(async () => host?.close());
    const tag = name === "root" ? "" : "subpath-";

    test("home lists every takeaway, newest event first, with facet counts", async () => {
      const page = await openPage();
      await page.goto(host.url);
      await page.locator(".card").first().waitFor();
      assert.ok(bundle.takeaways.length > PAGE, "the seeds fill more than a page");
      assert.equal(await page.locator(".card").count(), PAGE);
      assert.match(await page.locator(".result-count").textContent(), new RegExp(`${bundle.takeaways.length} 条要点`));
      // "Show more" lists the rest, and the URL keeps how many are shown.
      await page.getByRole("link", { name: /显示更多/ }).click();
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, Math.min(2 * PAGE, bundle.takeaways.length));
      await urlParam(page, "n", String(2 * PAGE));
      const newest = bundle.events.at(-1);
      assert.match(await page.locator(".card-source").first().textContent(), new RegExp(newest.city.zh));
      const yearCounts = await page.locator('input[name="year"]').evaluateAll((inputs) =>
        inputs.map((i) => [i.value, i.closest("label").querySelector(".count").textContent]));
      for (const [year, count] of yearCounts) {
        assert.equal(Number(count), bundle.takeaways.filter((t) => yearOf(t) === year).length, year);
      }
      await shot(page, `${tag}home`);
      assert.deepEqual(page.problems, []);
    });

    test("facets filter with AND across facets and OR within one; the URL keeps them; back and forward restore them", async () => {
      const page = await openPage();
      await page.goto(host.url);
      await page.locator(".card").first().waitFor();
      const platform = withTheme(bundle, "platform-engineering");
      await page.locator('input[name="theme"][value="platform-engineering"]').check();
      await urlParam(page, "theme", "platform-engineering");
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, platform.length);
      // The app's cards carry their summaries, from their articles' texts.
      const lines = await page.locator(".card").evaluateAll((cards) => cards.map((c) => c.querySelector(".card-line")?.textContent ?? ""));
      const titles = await page.locator(".card-title").allTextContents();
      assert.deepEqual(lines, titles.map((title) => platform.find((t) => t.title === title).summary));
      assert.ok(lines.some((line) => line.length > 0));
      // Platform engineering is absent in 2019: that year stays listed, disabled, at 0.
      const y2019 = page.locator('input[name="year"][value="2019"]');
      assert.ok(await y2019.isDisabled());
      assert.equal(await page.locator('label:has(input[name="year"][value="2019"]) .count').textContent(), "0");
      await page.locator('input[name="year"][value="2023"]').check();
      await urlParam(page, "year", "2023");
      const both = platform.filter((t) => yearOf(t) === "2023");
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, both.length);
      await page.locator('input[name="year"][value="2024"]').check();
      await urlParam(page, "year", "2024,2023");
      const either = platform.filter((t) => ["2023", "2024"].includes(yearOf(t)));
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, either.length);
      await shot(page, `${tag}home-filtered`);
      // Reload keeps the state; back undoes one click at a time; forward redoes it.
      await page.reload();
      // The build's page lists every takeaway until the app has the filtered list in.
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, either.length);
      assert.ok(await page.locator('input[name="year"][value="2023"]').isChecked());
      await page.goBack();
      await urlParam(page, "year", "2023");
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, both.length);
      await page.goForward();
      await urlParam(page, "year", "2024,2023");
      // The query combines with the facets; clearing all keeps the query.
      const box = page.getByRole("searchbox");
      await box.fill("平台");
      await urlParam(page, "q", "平台");
      assert.equal(new URL(page.url()).searchParams.get("theme"), "platform-engineering");
      await page.getByRole("button", { name: "清除全部筛选" }).click();
      await urlParam(page, "theme", null);
      assert.equal(new URL(page.url()).searchParams.get("q"), "平台");
      assert.deepEqual(page.problems, []);
    });

    test("typing: the list follows the keys, a quick burst of them ends on its last text, the list's history entry replaced", async () => {
      const page = await openPage();
      await page.addInitScript(() => {
        window.__replaced = 0;
        const replace = history.replaceState;
        history.replaceState = function (...args) {
          window.__replaced += 1;
          return replace.apply(this, args);
        };
      });
      await page.goto(host.url);
      await page.locator(".card").first().waitFor();
      const entries = await page.evaluate(() => history.length);
      await page.getByRole("searchbox").click();
      await page.keyboard.type("k");
      await urlParam(page, "q", "k");
      const before = await page.evaluate(() => window.__replaced);
      await page.keyboard.type("ubernetes");
      await urlParam(page, "q", "kubernetes");
      await page.waitForFunction(() => document.querySelector(".card-title mark")?.textContent.toLowerCase() === "kubernetes");
      // The tab's title names the last text too (it is set after the results' paint).
      await page.waitForFunction(() => document.title.startsWith("kubernetes · 搜索 · "));
      const updates = (await page.evaluate(() => window.__replaced)) - before;
      assert.ok(updates >= 1 && updates < "ubernetes".length, `${updates} URL updates for 9 quick keys`);
      assert.equal(await page.evaluate(() => history.length), entries);
      assert.deepEqual(page.problems, []);
    });

    test("the list changes in place: what stays is the same elements, and the page is what a fresh load of its URL shows", async () => {
      const page = await openPage();
      await page.goto(host.url);
      const settled = async (p) => {
        await p.waitForLoadState("networkidle");
        await p.waitForFunction(() => !document.querySelector("main").matches("[data-prerendered], [aria-busy]"));
        return p.locator("main").evaluate((main) => main.innerHTML);
      };
      const freshLoad = async () => {
        const fresh = await openPage();
        await fresh.goto(page.url());
        const markup = await settled(fresh);
        assert.deepEqual(fresh.problems, []);
        await fresh.close();
        return markup;
      };
      // The app's own markup in first: the build's is replaced whole.
      await page.locator('input[name="year"][value="2023"]').check();
      await urlParam(page, "year", "2023");
      await settled(page);
      const mark = () => page.evaluate(() => document.querySelectorAll("main *").forEach((e) => (e.__before = true)));
      const kept = () => page.evaluate(() => [...document.querySelectorAll("main *")].filter((e) => e.__before).length);
      await mark();
      await page.locator('input[name="year"][value="2024"]').check();
      await urlParam(page, "year", "2024,2023");
      const markup = await settled(page);
      assert.ok((await kept()) > 0, "elements kept");
      // The box checked is another element now, checked by its markup.
      assert.ok(await page.locator('input[name="year"][value="2024"]').evaluate((box) => !box.__before && box.checked));
      assert.equal(markup, await freshLoad());
      await mark();
      await page.getByRole("searchbox").fill("kubernetes");
      await urlParam(page, "q", "kubernetes");
      await page.waitForFunction(() => document.querySelector(".card-title mark"));
      const searched = await settled(page);
      assert.ok((await kept()) > 0, "elements kept");
      assert.equal(searched, await freshLoad());
      assert.deepEqual(page.problems, []);
    });

    test("a takeaway's link opens its page, and back returns to the list", async () => {
      const page = await openPage();
      await page.goto(`${host.url}?n=${bundle.takeaways.length}`);
      await page.getByRole("link", { name: devops.title }).click();
      await page.locator("article.takeaway h1").waitFor();
      assert.equal(new URL(page.url()).pathname, `${prefix}t/${devops.id}`);
      assert.match(await page.locator("h1").textContent(), new RegExp(devops.title.slice(0, 10)));
      await page.goBack();
      await page.locator(".card").first().waitFor();
      assert.equal(new URL(page.url()).pathname, prefix);
      assert.deepEqual(page.problems, []);
    });

    test("a deep link shows the takeaway with its event, themes, projects, related takeaways; a chip opens its theme's page, which filters the list", async () => {
      const page = await openPage();
      await page.goto(`${host.url}t/${devops.id}`);
      await page.locator("article.takeaway .body").waitFor();
      assert.match(await page.locator("h1").textContent(), new RegExp(devops.title.slice(0, 10)));
      const body = await page.locator("article.takeaway .body").textContent();
      assert.ok(body.replace(/\s+/g, " ").includes(plain(devops.body_html).slice(0, 30)), body);
      assert.match(await page.title(), /DevOps/);
      const event = bundle.events[bundle.articles[devops.article].event];
      assert.match(await page.locator(".byline").textContent(), new RegExp(event.city.zh));
      const themes = await page.locator(".chip.theme").allTextContents();
      assert.deepEqual(themes, devops.themes.map((theme) => bundle.themes[theme].name.zh));
      // Each says why, with the words from the article's texts.
      const reasons = await page.locator(".chip.theme").evaluateAll((chips) => chips.map((c) => c.title));
      assert.deepEqual(reasons, devops.theme_terms.map((terms) => `匹配的词: ${terms.join(", ")}`));
      assert.ok((await page.locator(".related-list li").count()) > 0, "related takeaways");
      await shot(page, `${tag}takeaway`);
      const theme = bundle.themes[devops.themes[0]];
      await page.locator(".chip.theme").first().click();
      await page.waitForURL((url) => url.pathname === `${prefix}theme/${theme.id}`);
      assert.match(await page.locator("h1").textContent(), new RegExp(theme.name.zh));
      assert.equal(await page.locator(".card").count(), withTheme(bundle, theme.id).length);
      await page.getByRole("link", { name: "在列表中筛选" }).click();
      await urlParam(page, "theme", theme.id);
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, withTheme(bundle, theme.id).length);
      const cilium = bundle.takeaways.find((t) => t.projects?.some((p) => bundle.projects[p].id === "cilium"));
      await page.goto(`${host.url}t/${cilium.id}`);
      await page.locator(".chip.project").first().waitFor();
      assert.ok((await page.locator(".chip.project").allTextContents()).includes("Cilium"));
      const titleOnly = bundle.takeaways.find((t) => !t.body_html);
      await page.goto(`${host.url}t/${titleOnly.id}`);
      await page.locator(".no-detail").waitFor();
      assert.equal(await page.locator(".body").count(), 0);
      assert.deepEqual(page.problems, []);
    });

    test("an article page shows its context and an anchor per takeaway", async () => {
      const page = await openPage();
      const article = bundle.articles.find((a) => a.id === "2024-eu-paris-the-new-stack");
      const first = bundle.takeaways.find((t) => bundle.articles[t.article] === article);
      await page.goto(`${host.url}t/${first.id}`);
      await page.locator(".crumbs").getByRole("link", { name: article.title }).click();
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
      const texts = [];
      page.on("request", (r) => texts.push(r.url().match(/\/texts\.[0-9a-f]+\/([^/]+)\.json$/)?.[1]));
      await page.goto(host.url);
      await page.locator(".card").first().waitFor();
      await page.keyboard.press("/");
      const box = page.getByRole("searchbox");
      assert.ok(await box.evaluate((e) => e === document.activeElement), "/ focuses the search box");
      for (const [query, expected] of [["平台工程", devops], ["platform engineering", devops], ["cilium", bundle.takeaways.find((t) => t.title.startsWith("使用 eBPF 和 Cilium"))]]) {
        await box.fill(query);
        await urlParam(page, "q", query);
        await page.locator(".card mark").first().waitFor();
        assert.equal(await page.locator(".card-title").first().textContent(), expected.title, `first result for ${query}`);
        assert.ok((await page.locator(".card").first().locator("mark").count()) > 0, `matches marked for ${query}`);
      }
      // The results' lines are snippets of their bodies, which come alone where the site ships
      // them so (the sub-path site, as a large site does), else with their articles' texts.
      assert.ok((await page.locator(".card-line mark").count()) > 0, "no snippet marks a match");
      const bodies = texts.filter((file) => file && !file.endsWith("-summaries"));
      const expected = name === "root" ? /^\d+$/ : /^takeaway-\d+$/;
      assert.ok(bodies.length > 0 && bodies.every((file) => expected.test(file)), `bodies fetched: ${bodies}`);
      // Full-width letters are folded (NFKC, by the browser's own normalizer in the app).
      await box.fill("ＣＩＬＩＵＭ");
      await urlParam(page, "q", "ＣＩＬＩＵＭ");
      await page.waitForFunction(() => document.querySelector(".card mark")?.textContent === "Cilium");
      await box.fill("可观察性");
      await urlParam(page, "q", "可观察性");
      // The list stays as it was until the new results' bodies have arrived.
      const found = () => [...document.querySelectorAll(".card-title")].slice(0, 3).some((t) => t.textContent.includes("可观测性"));
      await page.waitForFunction(found).catch(() => {});
      const titles = await page.locator(".card-title").allTextContents();
      assert.ok(titles.slice(0, 3).some((t) => t.includes("可观测性")), `可观察性 finds 可观测性: ${titles}`);
      await shot(page, `${tag}search`);
      // Reload restores the results; a result opens its takeaway; back returns to them.
      await page.reload();
      await page.locator(".card mark").first().waitFor();
      assert.equal(await box.inputValue(), "可观察性");
      await page.locator(".card-title").first().click();
      await page.locator("article.takeaway h1").waitFor();
      await page.goBack();
      await page.locator(".card mark").first().waitFor();
      // Nothing found says so; Escape clears back to the full list.
      await box.fill("zzzqqq");
      await page.locator(".empty .hint").waitFor();
      await shot(page, `${tag}search-empty`);
      await box.press("Escape");
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, PAGE);
      assert.equal(new URL(page.url()).search, "");
      assert.deepEqual(page.problems, []);
    });

    test("a ?q= link keeps the page the build wrote, marked busy, until its results; it reads no texts for cards it does not show", async () => {
      // No service worker: its fetches would pass the route by.
      const page = await openPage({ serviceWorkers: "block" });
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(/\/search\.[0-9a-f]+\/\d+\.json$/, async (route) => { await held; await route.continue(); });
      const texts = [];
      page.on("request", (r) => /\/texts\.[0-9a-f]+\//.test(r.url()) && texts.push(r.url()));
      await page.goto(`${host.url}?q=cilium`);
      // The app has the bundle and the index's head; the query's pieces are held back.
      await page.waitForFunction(() => document.querySelector("main").getAttribute("aria-busy") === "true");
      assert.equal(await page.locator("main[data-prerendered]").count(), 1, "the page the build wrote stays");
      // The page preloads its own cards' summaries; the app reads nothing for them.
      const preloaded = await page.locator("link[rel=preload]").evaluateAll((links) => links.map((l) => l.href));
      assert.deepEqual(texts.filter((url) => !preloaded.includes(url)), [], "texts read for the unsearched list");
      release();
      await page.locator(".card mark").first().waitFor();
      assert.equal(await page.locator("main[aria-busy]").count(), 0);
      // Then only what the results read: their articles' texts or bodies, and summaries.
      const shown = await page.locator(".card-title").evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute("href").split("/t/")[1])));
      const articles = new Set(shown.map((id) => bundle.takeaways.find((t) => t.id === id).article));
      const ofShown = (url) => {
        const [, body, n] = url.match(/\/(takeaway-)?(\d+)(?:-summaries)?\.json$/);
        return body ? shown.includes(bundle.takeaways[n].id) : articles.has(Number(n));
      };
      const read = texts.filter((url) => !preloaded.includes(url));
      assert.ok(read.length > 0 && read.every(ofShown), `texts read: ${read}, articles shown: ${[...articles]}`);
      // Where bodies come alone, each brings its takeaway's summary and titles and its article's.
      if (name !== "root") assert.deepEqual(read.filter((url) => url.endsWith("-summaries.json")), [], "summaries read");
      assert.deepEqual(page.problems, []);
    });

    test("the list's cards read their titles with their summaries, and a large site's `?q=` link its ranking's; typing fetches every takeaway's", async () => {
      // No service worker: its fetches would pass the route by.
      const page = await openPage({ serviceWorkers: "block" });
      const titles = [];
      page.on("request", (r) => /\/bundle\.[0-9a-f]+\/titles\.json$/.test(r.url()) && titles.push(r.url()));
      await page.goto(host.url);
      const security = withTheme(bundle, "security");
      await page.locator('input[name="theme"][value="security"]').check();
      await page.waitForFunction((n) => document.querySelectorAll(".card").length === n, Math.min(security.length, PAGE));
      // Each card's title and link (its id, with its readable slug) as the bundle has them.
      const cards = await page.locator(".card-title").evaluateAll((links) =>
        links.map((a) => [decodeURIComponent(a.getAttribute("href").split("/t/")[1]), a.textContent]));
      assert.deepEqual(cards, cards.map(([id]) => [id, security.find((t) => t.id === id)?.title]));
      assert.ok(sourcesNameArticles(await cardSources(page)), "the cards name their articles");
      assert.deepEqual(titles, [], "the list fetched every takeaway's titles");
      // A link's query ranks with every takeaway's titles, or, where it reads them by article (the
      // sub-path site, as a large one), with those of its best candidates, which their
      // articles' summaries or their bodies bring: its cards marked, titled as the bundle has them.
      await page.goto(`${host.url}?q=${encodeURIComponent("平台工程")}`);
      await page.locator(".card .card-title mark").first().waitFor();
      await page.waitForFunction(() => !document.querySelector("main")?.hasAttribute("aria-busy"));
      const ranked = await page.locator(".card-title").evaluateAll((links) =>
        links.map((a) => [decodeURIComponent(a.getAttribute("href").split("/t/")[1]), a.textContent]));
      assert.ok(ranked.length > 0);
      assert.deepEqual(ranked, ranked.map(([id]) => [id, bundle.takeaways.find((t) => t.id === id)?.title]));
      // Their articles' titles, from every article's (with every takeaway's) or their summaries.
      const sources = await cardSources(page);
      assert.ok(sourcesNameArticles(sources), `the results name their articles: ${sources.join("; ")}`);
      assert.equal(titles.length, name === "root" ? 1 : 0, "a link's query and every takeaway's titles");
      await page.locator(".search input").fill("cilium");
      await page.locator(".card mark").first().waitFor();
      assert.equal(titles.length, 1, "typing fetches every takeaway's titles, once");
      assert.deepEqual(page.problems, []);
    });

    test("an event's page lists its articles by title: every article's titles come for it, once", async () => {
      const page = await openPage({ serviceWorkers: "block" });
      const fetched = [];
      page.on("request", (r) => /\/bundle\.[0-9a-f]+\/articles\.json$/.test(r.url()) && fetched.push(r.url()));
      await page.goto(`${host.url}t/${devops.id}`);
      await page.locator("article.takeaway h1").waitFor();
      await page.waitForLoadState("networkidle");
      assert.deepEqual(fetched, [], "a takeaway's page fetched every article's titles");
      // In the app: the event's page is its render, not a page the build wrote.
      await page.evaluate(() => (window.__samePage = true));
      const event = bundle.articles[devops.article].event;
      await page.locator(`.byline a[href$="/event/${bundle.events[event].id}"]`).click();
      const expected = bundle.articles.filter((a) => a.event === event).map((a) => a.title).toSorted();
      await page.waitForFunction((expected) => JSON.stringify(expected) ===
        JSON.stringify([...document.querySelectorAll(".article-list li > a")].map((a) => a.textContent).toSorted()), expected);
      assert.ok(await page.evaluate(() => window.__samePage), "the app rendered the event's page");
      assert.equal(fetched.length, 1, "every article's titles, once");
      assert.deepEqual(page.problems, []);
    });

    test("a misspelt word shows results for its correction, with a link to search it as typed", async () => {
      const page = await openPage();
      await page.goto(`${host.url}?q=kubernetes`);
      await page.locator(".card mark").first().waitFor();
      const right = await page.locator(".card-title").allTextContents();
      assert.equal(await page.locator(".notice.spelling").count(), 0);
      // Typed with a letter missing: the results are the right spelling's, and the notice says so.
      const box = page.getByRole("searchbox");
      await box.fill("kubernets");
      await urlParam(page, "q", "kubernets");
      const notice = page.locator(".notice.spelling");
      await notice.waitFor();
      assert.match(await notice.textContent(), /显示的是“kubernetes”的结果 · 仍然搜索“kubernets”/);
      await page.locator(".card mark").first().waitFor();
      assert.deepEqual(await page.locator(".card-title").allTextContents(), right);
      await shot(page, `${tag}did-you-mean`);
      // As typed it finds nothing, and the correction is offered as a link.
      await notice.getByRole("link").click();
      await urlParam(page, "literal", "1");
      assert.equal(new URL(page.url()).searchParams.get("q"), "kubernets");
      await page.locator(".empty").waitFor();
      assert.equal(await page.locator(".card").count(), 0);
      assert.match(await notice.textContent(), /你是不是要找：\s*kubernetes/);
      await notice.getByRole("link", { name: "kubernetes" }).click();
      await urlParam(page, "q", "kubernetes");
      assert.equal(new URL(page.url()).searchParams.get("literal"), null);
      await page.locator(".card mark").first().waitFor();
      assert.equal(await notice.count(), 0);
      // In English, too.
      const en = await openPage({ locale: "en-US" });
      await en.goto(`${host.url}?q=prometeus`);
      await en.locator(".notice.spelling").waitFor();
      assert.match(await en.locator(".notice.spelling").textContent(), /Showing results for “prometheus” · search for “prometeus” instead/);
      await en.locator(".card").first().waitFor();
      assert.deepEqual([...page.problems, ...en.problems], []);
    });

    test("the count holds the takeaways that match the query; those holding part of it follow, uncounted", async () => {
      const page = await openPage();
      await page.goto(`${host.url}?q=${encodeURIComponent("平台工程")}&n=100`);
      await page.locator(".card mark").first().waitFor();
      const counted = Number((await page.locator(".result-count strong").textContent()).match(/\d+/)[0]);
      const matching = await page.locator(".listing > ol.cards > .card").count();
      const partial = await page.locator(".partial .card").count();
      assert.equal(matching, counted);
      assert.ok(partial > 0 && counted < 15, `${counted} counted, ${partial} more`);
      assert.equal(await page.locator(".listing > ol.cards .card-title").first().textContent(), devops.title);
      // 2019 has no takeaway on platform engineering: its facet count says so.
      assert.equal(await page.locator('label:has(input[name="year"][value="2019"]) .count').textContent(), "0");
      assert.match(await page.locator(".partial h2").textContent(), /不计入/);
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
      assert.ok((await still.locator("main").textContent()).includes(plain(devops.body_html).slice(0, 30)));
      await shot(still, `${tag}share-page-without-js`);
      // With it, the app takes over the same page: one title, the address without the folder's slash.
      const page = await openPage();
      await page.goto(`${host.url}t/${devops.id}/`);
      await page.locator("article.takeaway .chips").first().waitFor();
      await page.waitForURL((url) => url.pathname === `${prefix}t/${devops.id}`);
      assert.equal(await page.locator("h1").count(), 1);
      assert.deepEqual(page.problems, []);
    });

    test("every page kind is a file with a card, readable without JavaScript, and the app boots onto it without a shift", async (t) => {
      const article = bundle.articles[devops.article];
      const kinds = ["", `t/${devops.id}`, `a/${article.id}`, "themes", "themes/network", "theme/platform-engineering",
        "project/kubernetes", "event/2024-eu-paris"];
      const still = await openPage({ javaScriptEnabled: false });
      const page = await openPage();
      // Layout shifts since the page started, as Lighthouse counts them (CLS).
      // Each shift names what moved, from where to where, so a failure says what to look at.
      await page.addInitScript(() => {
        window.__shifts = [];
        const where = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
        const what = (s) => `${s.node?.outerHTML?.slice(0, 80) ?? s.node?.nodeName} ${where(s.previousRect)} → ${where(s.currentRect)}`;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => {
          if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: Math.round(e.startTime), moved: e.sources.map(what) });
        })).observe({ type: "layout-shift", buffered: true });
      });
      for (const kind of kinds) {
        const response = await fetch(`${host.url}${kind}`);
        assert.equal(response.status, 200, kind);
        const raw = await response.text();
        const meta = (property) => raw.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`))?.[1];
        assert.match(meta("og:image") ?? "", new RegExp(`^https?://[^/]+${prefix}cards/[0-9a-f]{16}\\.png$`), kind);
        assert.equal(meta("og:image:width"), "1200", kind);
        assert.equal(meta("twitter:card"), "summary_large_image", kind);
        await still.goto(`${host.url}${kind}`);
        assert.ok((await still.locator("main h1").count()) === 1, `${kind}: a heading without JavaScript`);
        assert.ok((await still.locator("main").textContent()).length > 100, `${kind}: text without JavaScript`);
        await page.goto(`${host.url}${kind}`);
        await page.waitForFunction(() => window.wasmBindings !== undefined);
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        // Under CI's load a shift of 0.00002 (a few pixels of something small) came and went,
        // never reproduced here: shifts that small are reported with what moved, not failed.
        // Lighthouse shows CLS to three decimals; any shift it would show fails.
        const shifts = await page.evaluate(() => window.__shifts);
        const shift = shifts.reduce((sum, s) => sum + s.value, 0);
        if (shifts.length) t.diagnostic(`${kind}: layout shift ${shift}: ${JSON.stringify(shifts)}`);
        assert.ok(shift < 0.0005, `${kind}: layout shift ${shift}: ${JSON.stringify(shifts)}`);
        assert.equal(await page.locator("main h1").count(), 1, kind);
      }
      await shot(still, `${tag}event-without-js`);
      assert.deepEqual(page.problems, []);
    });

    test("unknown ids, routes and filters get a friendly page with the closest takeaways", async () => {
      const page = await openPage();
      for (const missing of ["t/no-such-takeaway", "no/such/page", "a/no-such-article"]) {
        await page.goto(`${host.url}${missing}`);
        await page.locator(".not-found").waitFor();
        assert.match(await page.locator(".not-found h1").textContent(), /找不到/);
      }
      // A mistyped id still offers its article's takeaways.
      await page.goto(`${host.url}t/${devops.id.replace("devops", "devopz").replace(/-2-/, "-22-")}`);
      await page.locator(".suggestions li").first().waitFor();
      const suggested = await page.locator(".suggestions a").allTextContents();
      const sameArticle = bundle.takeaways.filter((t) => t.article === devops.article).map((t) => t.title);
      assert.ok(suggested.some((s) => sameArticle.includes(s)), `suggestions: ${suggested}`);
      await shot(page, `${tag}not-found`);
      await page.getByRole("link", { name: /返回全部要点/ }).click();
      await page.locator(".card").first().waitFor();
      // Unknown facet values are named, not fatal.
      await page.goto(`${host.url}?theme=no-such-theme&year=1999`);
      await page.locator(".notice").waitFor();
      assert.match(await page.locator(".notice").textContent(), /theme=no-such-theme/);
      assert.equal(await page.locator(".card").count(), Math.min(bundle.takeaways.length, PAGE));
      assert.deepEqual(page.problems, []);
    });
  });
}

