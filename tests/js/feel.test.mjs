// End-to-end tests of how the built explorer (dist/) feels to use and how it looks, in Debian's
// headless Chromium: facet counts, the keyboard, language and colour theme, export, copying,
// and every view's accessibility (axe) at two widths. Screenshots go to target/screenshots/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { ROOT, urlParam, useBrowser } from "./browser.mjs";
import { PAGE, SCREENFUL, devopsTakeaway, readBundle, withTheme } from "./bundle.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";

const DIST = process.env.DIST ?? path.join(ROOT, "dist");

const { openPage, shot } = useBrowser({ viewport: { width: 1100, height: 900 } });
const bundle = await readBundle(DIST);
const devops = devopsTakeaway(bundle);
const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Violations axe-core finds on the page as it is now, as readable lines. Evaluated through the
 * DevTools protocol, which the page's Content-Security-Policy does not stop (a script tag would be). */
async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

describe("feel", () => {
  let host;
  before(async () => (host = await serveStatic(DIST, "/")));
  after(async () => host?.close());

  test("each facet's options list as many takeaways as their counts say", async () => {
    const page = await openPage();
    await page.goto(host.url);
    await page.locator(".card").first().waitFor();
    for (const facet of ["event", "year", "region", "author", "theme", "project"]) {
      const options = page.locator(`input[name="${facet}"]`);
      assert.ok((await options.count()) > 0, `${facet} has options`);
      for (const at of [0, (await options.count()) - 1]) {
        const option = options.nth(at);
        const value = await option.getAttribute("value");
        const count = Number(await page.locator(`label:has(input[name="${facet}"][value="${value}"]) .count`).textContent());
        await option.check();
        await urlParam(page, facet, value);
        await page.waitForFunction(([n, page]) => document.querySelectorAll(".card").length === Math.min(n, page), [count, PAGE]);
        await page.getByRole("button", { name: "清除全部筛选" }).click();
        await urlParam(page, facet, null);
      }
    }
    assert.deepEqual(page.problems, []);
  });

  test("typing puts in the first screenful of results, busy, then the rest after it without replacing it", async () => {
    const page = await openPage();
    // Searched once, so the index has the query's terms and its results' texts: typed again, its
    // results come at once, and the first screenful is theirs, not the list before the key's.
    await page.goto(`${host.url}?q=kubernetes`);
    await page.waitForFunction((page) => document.querySelector("main .card mark") && !document.querySelector("main[aria-busy]")
      && document.querySelectorAll("main .card").length === page, PAGE);
    const found = await page.locator(".result-count strong").textContent();
    const box = page.getByRole("searchbox");
    await box.fill("");
    await page.waitForFunction((found) => !document.querySelector("main .card mark") && !document.querySelector("main[aria-busy]")
      && document.querySelector(".result-count strong").textContent !== found, found);
    // Each time <main> turns busy or not: its cards and its count then; the busy screenful's cards
    // are marked.
    await page.evaluate(() => {
      const main = document.querySelector("main");
      window.__screens = [];
      new MutationObserver(() => {
        const busy = main.getAttribute("aria-busy") === "true";
        const cards = main.querySelectorAll(".card");
        if (busy) cards.forEach((card) => (card.__screenful = true));
        const found = main.querySelector(".result-count strong").textContent;
        if (window.__screens.at(-1)?.busy !== busy) window.__screens.push({ busy, cards: cards.length, found });
      }).observe(main, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-busy"] });
    });
    await box.fill("kubernetes");
    await urlParam(page, "q", "kubernetes");
    await page.waitForFunction(() => window.__screens.at(-1)?.busy === false);
    const matches = Number((await page.locator(".result-count strong").textContent()).replace(/\D/g, ""));
    assert.ok(matches > SCREENFUL, `${matches} results, more than a screenful`);
    const cards = await page.locator("main .card").count();
    assert.ok(cards > SCREENFUL && cards <= PAGE, `${cards} cards`);
    assert.deepEqual(await page.evaluate(() => window.__screens),
      [{ busy: true, cards: SCREENFUL, found }, { busy: false, cards, found }]);
    const kept = await page.evaluate(() => [...document.querySelectorAll("main .card")].filter((c) => c.__screenful).length);
    assert.equal(kept, SCREENFUL, "the first screenful's cards stay");
    assert.deepEqual(page.problems, []);
  });

  test("keyboard: / search, j/k move through takeaways, Enter opens, Esc goes back, ? shows the shortcuts", async () => {
    const page = await openPage();
    await page.goto(host.url);
    await page.locator(".card").first().waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    const cards = await page.locator(".card-title").allTextContents();
    await page.keyboard.press("j");
    assert.equal(await focused(), cards[0]);
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    assert.equal(await focused(), cards[1]);
    await page.keyboard.press("Enter");
    await page.locator("article.takeaway h1").waitFor();
    assert.match(await page.locator("h1").textContent(), new RegExp(cards[1].slice(0, 8)));
    // On a takeaway, j goes to the next one of its article.
    const before = page.url();
    await page.keyboard.press("j");
    await page.waitForFunction((u) => location.href !== u, before);
    await page.keyboard.press("Escape");
    await page.waitForFunction((u) => location.href === u, before);
    await page.keyboard.press("Escape");
    await page.locator(".card").first().waitFor();
    await page.keyboard.press("?");
    await page.getByRole("dialog").waitFor();
    assert.match(await page.getByRole("dialog").textContent(), /j \/ k/);
    await shot(page, "shortcuts");
    await page.keyboard.press("Escape");
    assert.equal(await page.getByRole("dialog").count(), 0);
    await page.keyboard.press("/");
    assert.ok(await page.getByRole("searchbox").evaluate((e) => e === document.activeElement));
    // The skip link moves the focus to the page's content and stays on the page.
    const takeaway = `${host.url}t/${bundle.takeaways[0].id}`;
    await page.goto(takeaway);
    await page.locator("article.takeaway h1").waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    assert.equal(page.url(), takeaway);
    assert.deepEqual(page.problems, []);
  });

  test("language and colour theme follow the browser, toggle, and are remembered", async () => {
    const page = await openPage({ locale: "en-US", colorScheme: "light" });
    await page.goto(host.url);
    // The app's list, not the build's (which is in Chinese).
    await page.locator("main:not([data-prerendered]) .card").first().waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    // Takeaways show their English title first, the Chinese beneath; in Chinese, the reverse.
    const firstHref = await page.locator(".card-title").first().getAttribute("href");
    const first = bundle.takeaways.find((t) => firstHref.endsWith(`/t/${t.id}`));
    assert.ok(first.title_en, `${first.id} has an English title`);
    assert.equal(await page.locator(".card-title").first().textContent(), first.title_en);
    assert.equal(await page.locator(".card").first().locator('.title-other[lang="zh-CN"]').textContent(), first.title);
    assert.match(await page.locator(".result-count").textContent(), /takeaways/);
    assert.ok((await page.locator('#facet-theme').textContent()).includes("Theme"));
    await page.getByRole("button", { name: "切换到中文" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    assert.match(await page.locator(".result-count").textContent(), /条要点/);
    const themeNames = await page.locator('input[name="theme"] + .option-name').allTextContents();
    assert.ok(themeNames.includes(bundle.themes.find((t) => t.id === "platform-engineering").name.zh), themeNames.join());
    assert.equal(await page.locator("html").getAttribute("data-theme"), "light");
    await page.getByRole("button", { name: "深色模式" }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.notEqual(dark, "rgb(255, 255, 255)");
    assert.equal(await page.locator(".card-title").first().textContent(), first.title);
    assert.equal(await page.locator(".card").first().locator('.title-other[lang="en"]').textContent(), first.title_en);
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
    assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
    // A takeaway's page in English: the English title, the Chinese beneath; English words find it.
    const en = await openPage({ locale: "en-US" });
    await en.goto(`${host.url}t/${devops.id}`);
    // The page as built is in Chinese: the app, once running, retitles it in English.
    await en.waitForFunction(() => document.documentElement.lang === "en");
    await en.locator("h1", { hasText: "DevOps is so passé" }).waitFor();
    assert.equal(await en.locator('article.takeaway .title-other[lang="zh-CN"]').textContent(), devops.title);
    await en.goto(`${host.url}?q=${encodeURIComponent("so passé")}`);
    await en.locator(".card mark").first().waitFor();
    assert.equal(await en.locator(".card-title").first().textContent(), devops.title_en);
    assert.match(await en.locator(".card-source").first().textContent(), new RegExp(bundle.articles[devops.article].title_en.slice(0, 30)));
    await shot(en, "english-titles");
    assert.deepEqual(en.problems, []);
    assert.deepEqual(page.problems, []);
  });

  test("export saves the filtered list as CSV, JSON and Markdown", async () => {
    const page = await openPage();
    await page.goto(`${host.url}?theme=security`);
    await page.locator(".card").first().waitFor();
    const security = withTheme(bundle, "security");
    for (const [label, check] of [
      ["JSON", (text) => {
        const rows = JSON.parse(text);
        assert.deepEqual(rows.map((r) => r.id).sort(), security.map((t) => t.id).sort());
        // With their summaries, which come with their articles' texts, not the bundle.
        assert.deepEqual(rows.map((r) => r.summary), rows.map((r) => bundle.takeaways.find((t) => t.id === r.id).summary));
        assert.ok(rows.some((r) => r.summary.length > 0));
      }],
      ["CSV", (text) => assert.equal(text.trim().split("\r\n").length, 1 + security.length)],
      ["Markdown", (text) => assert.equal(text.split("\n").filter((l) => l.startsWith("- [")).length, security.length)],
    ]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label, exact: true }).click()]);
      assert.match(download.suggestedFilename(), /^takeaways\.(csv|json|md)$/);
      check(await readFile(await download.path(), "utf8"));
    }
    assert.deepEqual(page.problems, []);
  });

  test("copy link and copy as Markdown put the takeaway on the clipboard, once its title has come", async () => {
    const page = await openPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: host.url });
    // The takeaway's title and summary come with its article's summaries: held until a copy is asked for.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/-summaries\.json$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${host.url}t/${devops.id}`);
    // The app is listening once it has put the colour scheme on <html> (the build's page has none).
    await page.locator("html[data-theme]").waitFor({ state: "attached" });
    await page.getByRole("button", { name: "复制为 Markdown" }).click();
    await page.waitForTimeout(200);
    assert.equal(await page.locator(".copy-status").textContent(), "", "copied before the title came");
    release();
    await page.locator(".copy-status", { hasText: "已复制" }).waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(markdown, new RegExp(`^\\*\\*\\[[^\\]]+\\]\\(${host.url}t/${devops.id}\\)`), markdown);
    // With its summary, which comes apart from the bundle and the body.
    assert.ok(devops.summary && markdown.includes(`> ${devops.summary.slice(0, 12)}`), markdown);
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await page.getByRole("button", { name: "复制链接" }).click();
    await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== ""));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${host.url}t/${devops.id}`);
    assert.deepEqual(page.problems, []);
  });
});

describe("looks and accessibility", () => {
  let host;
  before(async () => (host = await serveStatic(DIST, "/")));
  after(async () => host?.close());
  const views = [
    ["home", "", ".card"],
    ["filtered", "?theme=platform-engineering&year=2023", ".card"],
    ["search", "?q=%E5%B9%B3%E5%8F%B0%E5%B7%A5%E7%A8%8B", ".card mark"],
    ["did-you-mean", "?q=kubernets", ".notice.spelling"],
    ["takeaway", `t/${devops.id}`, "article.takeaway .body"],
    ["article", "a/2024-eu-paris-the-new-stack", ".article-page .context"],
    ["not-found", "t/no-such-takeaway", ".not-found"],
    ["theme", "theme/platform-engineering", ".subject-page .card"],
    ["project", "project/kubernetes", ".subject-page .card"],
    ["event", "event/2024-eu-paris", ".subject-page svg#contrast"],
    ...["themes", "themes/network", "themes/projects", "themes/compare"].map((url) => [url.replace("/", "-"), url, ".graph svg"]),
  ];

  for (const scheme of ["light", "dark"]) {
    test(`every view in ${scheme}, at 1280 and 375 px: no axe violations, no sideways scrolling`, async () => {
      const found = [];
      for (const width of [1280, 375]) {
        const page = await openPage({ colorScheme: scheme, viewport: { width, height: 900 } });
        for (const [name, url, ready] of views) {
          await page.goto(`${host.url}${url}`);
          await page.locator(ready).first().waitFor();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) found.push(`${name} at ${width}px: ${overflow}px wider than the screen`);
          for (const violation of await axeViolations(page)) found.push(`${name} at ${width}px: ${violation}`);
          await shot(page, `${name}-${scheme}-${width}`);
        }
        found.push(...page.problems);
      }
      assert.deepEqual(found, []);
    });
  }
});
