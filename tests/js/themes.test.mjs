// End-to-end tests of the theme graphs page (/themes) of the built explorer (dist/) in Debian's
// headless Chromium: clicking a heatmap cell, a network node, a project or a comparison bar
// opens the list with those filters and the counts the bundle implies; the table alternatives,
// aria labels, SVG download and URL state; labels that do not overlap as the browser draws
// them; screenshots of every view, light and dark, 1280 and 375 px, in target/screenshots/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, useBrowser } from "./browser.mjs";
import { readBundle } from "./bundle.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";

const DIST = process.env.DIST ?? path.join(ROOT, "dist");
const VIEWS = ["heatmap", "network", "projects", "compare"];

let host;
const { openPage, shot } = useBrowser({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
const bundle = await readBundle(DIST);

before(async () => (host = await serveStatic(DIST, "/")));
after(async () => host?.close());

// Facts computed here from bundle.json, independently of the app's Rust.
const eventOf = (t) => bundle.events[bundle.articles[t.article].event]?.id;
const themeIds = (t) => (t.themes ?? []).map((theme) => bundle.themes[theme].id);
const projectIds = (t) => (t.projects ?? []).map((p) => bundle.projects[p].id);
const count = (keep) => bundle.takeaways.filter(keep).length;

/** The path of a view of the theme graphs: the heatmap at `themes`, the others below it. */
const viewPath = (view) => (view === "heatmap" ? "themes" : `themes/${view}`);

/** The count the list shows ("12 条要点"), once it is `expected` or after waiting 5 s for that:
 * while the texts of a new list's cards are on their way, the list stays as it was. */
async function listCount(page, expected) {
  const shown = page.locator(".result-count strong");
  await page.waitForFunction((n) => document.querySelector(".result-count strong")?.textContent.match(/\d+/)?.[0] === String(n),
    expected, { timeout: 5_000 }).catch(() => {});
  return Number((await shown.textContent()).match(/\d+/)[0]);
}

/** Client boxes of `selector`'s elements, and the pairs of them that overlap. */
async function overlaps(page, selector) {
  return page.locator(selector).evaluateAll((els) => {
    const boxes = els.map((e) => e.getBoundingClientRect());
    const found = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push([els[i].textContent, els[i + 1 + j].textContent]);
    }));
    return found;
  });
}

describe("theme graphs", () => {
  test("the header links to the graphs; a heatmap cell opens the list filtered to its theme and event", async () => {
    const page = await openPage();
    await page.goto(host.url);
    await page.locator(".nav-themes").click();
    await page.locator("svg#theme-heatmap").waitFor();
    assert.equal(new URL(page.url()).pathname, "/themes");
    const eventsWithTakeaways = bundle.events.filter((e) => bundle.takeaways.some((t) => eventOf(t) === e.id));
    const themesInUse = bundle.themes.filter((th) => bundle.takeaways.some((t) => themeIds(t).includes(th.id)));
    assert.equal(await page.locator("g.cell").count(), eventsWithTakeaways.length * themesInUse.length);

    // Platform engineering: nothing in Barcelona 2019 (an empty cell does nothing), several in Chicago 2023.
    const empty = page.locator('g.cell[data-theme="platform-engineering"][data-event="2019-eu-barcelona"]');
    assert.deepEqual(await empty.locator("text").allTextContents(), ["·", ""]);
    await empty.click();
    assert.equal(new URL(page.url()).pathname, "/themes");
    const cell = page.locator('g.cell[data-theme="platform-engineering"][data-event="2023-na-chicago"]');
    const expected = count((t) => eventOf(t) === "2023-na-chicago" && themeIds(t).includes("platform-engineering"));
    assert.ok(expected >= 3, `${expected}`);
    const [shown, share] = await cell.locator("text").allTextContents();
    assert.equal(Number(shown), expected);
    const inChicago = count((t) => eventOf(t) === "2023-na-chicago");
    assert.equal(share, `${Math.round((100 * expected) / inChicago)}%`);
    await cell.click();
    await page.waitForURL((url) => url.pathname === "/");
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get("theme"), "platform-engineering");
    assert.equal(params.get("event"), "2023-na-chicago");
    assert.equal(await listCount(page, expected), expected);
    assert.deepEqual(page.problems, []);
  });

  test("the network follows the event filter, and a node opens the list", async () => {
    const page = await openPage();
    // A link from before views had paths still opens the view.
    await page.goto(`${host.url}themes?view=network&event=2019-eu-barcelona`);
    await page.locator("svg#theme-network").waitFor();
    const inBarcelona = bundle.themes.filter((th) => bundle.takeaways.some((t) => eventOf(t) === "2019-eu-barcelona" && themeIds(t).includes(th.id)));
    const nodes = await page.locator("g.node").evaluateAll((els) => els.map((e) => e.dataset.theme));
    assert.deepEqual(new Set(nodes), new Set(inBarcelona.map((th) => th.id)));
    assert.ok(!nodes.includes("platform-engineering"));
    assert.equal(await page.locator('.event-chip[aria-current="true"]').count(), 1);
    assert.deepEqual(await overlaps(page, "g.node text"), [], "labels overlap");
    // Hovering a node fades the arcs it has no part in.
    await page.locator('g.node[data-theme="networking"] circle').hover();
    assert.ok(await page.locator("path.arc.lit").count() > 0);
    await page.locator('g.node[data-theme="networking"] circle').click();
    await page.waitForURL((url) => url.pathname === "/");
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get("theme"), "networking");
    assert.equal(params.get("event"), "2019-eu-barcelona");
    const networking = count((t) => eventOf(t) === "2019-eu-barcelona" && themeIds(t).includes("networking"));
    assert.equal(await listCount(page, networking), networking);
    assert.deepEqual(page.problems, []);
  });

  test("the whole network's labels do not overlap in either language", async () => {
    for (const locale of ["zh-CN", "en-US"]) {
      const page = await openPage({ locale });
      await page.goto(`${host.url}themes/network`);
      await page.locator("svg#theme-network").waitFor();
      const themesInUse = bundle.themes.filter((th) => bundle.takeaways.some((t) => themeIds(t).includes(th.id)));
      assert.equal(await page.locator("g.node").count(), themesInUse.length);
      const name = locale === "zh-CN" ? "zh" : "en";
      // The build's page is Chinese: in English, the app's own labels replace its once it runs.
      const first = themesInUse[0].name[name].replace(/\s/g, "");
      await page.waitForFunction((first) => [...document.querySelectorAll("g.node text")]
        .some((t) => t.textContent.replace(/\s/g, "") === first), first).catch(() => {});
      const labels = await page.locator("g.node text").allTextContents();
      assert.ok(labels.map((l) => l.replace(/\s/g, "")).includes(first), labels.join("|"));
      assert.deepEqual(await overlaps(page, "g.node text"), []);
      // Every label inside the picture.
      const outside = await page.locator("svg#theme-network").evaluate((svg) => {
        const frame = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")].map((t) => t.getBoundingClientRect())
          .filter((b) => b.left < frame.left - 0.5 || b.right > frame.right + 0.5).length;
      });
      assert.equal(outside, 0);
    }
  });

  test("a project in the projects graph opens the list filtered to it", async () => {
    const page = await openPage();
    await page.goto(`${host.url}themes/projects`);
    await page.locator("svg#theme-projects").waitFor();
    const first = await page.locator("g.node[data-project]").first().getAttribute("data-project");
    const perProject = (id) => count((t) => projectIds(t).includes(id));
    const biggest = Math.max(...bundle.projects.map((p) => perProject(p.id)));
    assert.equal(perProject(first), biggest, "biggest first");
    await page.locator('g.node[data-project="istio"] circle').click();
    await page.waitForURL((url) => url.pathname === "/");
    assert.equal(new URL(page.url()).searchParams.get("project"), "istio");
    assert.equal(await listCount(page, perProject("istio")), perProject("istio"));
    assert.deepEqual(page.problems, []);
  });

  test("comparing two events shows themes gained, lost and shared; the events are in the URL", async () => {
    const page = await openPage();
    await page.goto(`${host.url}themes/compare?a=2019-eu-barcelona&b=2023-na-chicago`);
    // The build's page compares its default events: the app's, for the URL's, replaces it.
    await page.locator("main:not([data-prerendered]) svg#theme-compare").waitFor();
    const at = (id, event) => count((t) => eventOf(t) === event && themeIds(t).includes(id));
    const rows = await page.locator(".graph-data tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [tr.className, tr.querySelector("th").textContent, ...[...tr.querySelectorAll("td")].map((td) => td.textContent)]));
    for (const theme of bundle.themes) {
      const [a, b] = [at(theme.id, "2019-eu-barcelona"), at(theme.id, "2023-na-chicago")];
      const row = rows.find((r) => r[1] === theme.name.zh);
      if (a + b === 0) {
        assert.equal(row, undefined, theme.id);
        continue;
      }
      const change = a === 0 ? "gained" : b === 0 ? "lost" : "shared";
      assert.equal(row[0], `change-${change}`, theme.id);
      assert.match(row[2], new RegExp(`^${a} `));
      assert.match(row[3], new RegExp(`^${b} `));
    }
    assert.equal(rows.find((r) => r[1] === "平台工程")[0], "change-gained");
    const both = bundle.projects.filter((p) => ["2019-eu-barcelona", "2023-na-chicago"].every((e) => bundle.takeaways.some((t) => eventOf(t) === e && projectIds(t).includes(p.id))));
    assert.equal(await page.locator(".compare-projects").first().locator("li").count(), both.length);
    // A bar opens the list of that theme at that event.
    await page.locator('g.bar[data-theme="platform-engineering"]').click();
    await page.waitForURL((url) => url.pathname === "/");
    assert.equal(new URL(page.url()).searchParams.get("event"), "2023-na-chicago");
    const chicago = at("platform-engineering", "2023-na-chicago");
    assert.equal(await listCount(page, chicago), chicago);
    await page.goBack();
    await page.locator("svg#theme-compare").waitFor();
    await page.locator(".event-pick select").first().selectOption({ label: "欧洲2024 · 巴黎" });
    await page.waitForURL((url) => url.searchParams.get("a") === "2024-eu-paris");
    assert.equal(new URL(page.url()).searchParams.get("b"), "2023-na-chicago");
    assert.deepEqual(page.problems, []);
  });

  test("every graph has an aria label, a table alternative and an SVG download", async () => {
    const page = await openPage({ locale: "en-US" });
    for (const view of VIEWS) {
      await page.goto(`${host.url}${viewPath(view)}`);
      const svg = page.locator(".graph svg");
      await svg.waitFor();
      assert.equal(await svg.getAttribute("role"), "img");
      assert.ok((await svg.getAttribute("aria-label")).length > 20, view);
      assert.equal(await page.locator(`.view-tab[aria-current="page"]`).getAttribute("href"), `/${viewPath(view)}${view === "compare" ? "?a=2019-eu-barcelona&b=2024-eu-paris" : ""}`);
      await page.locator(".graph-table summary").click();
      assert.ok(await page.locator(".graph-table table tbody tr").count() > 0, view);
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".download-svg").click()]);
      const text = await readFile(await download.path(), "utf8");
      assert.match(download.suggestedFilename(), /\.svg$/);
      assert.match(text, /^<\?xml[^>]*>\n<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(text, /--accent:#0a5bbf;/, "colours inlined");
      assert.match(text, /<\/svg>$/);
    }
    assert.deepEqual(page.problems, []);
  });

  for (const scheme of ["light", "dark"]) {
    for (const width of [1280, 375]) {
      test(`screenshots: every view, ${scheme}, ${width} px, no page overflow`, async () => {
        const page = await openPage({ colorScheme: scheme, viewport: { width, height: 900 } });
        for (const view of VIEWS) {
          await page.goto(`${host.url}${viewPath(view)}`);
          await page.locator(".graph svg").waitFor();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${view} is ${overflow}px wider than the screen`);
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), scheme);
          await shot(page, `themes-${view}-${scheme}-${width}`);
        }
        assert.deepEqual(page.problems, []);
      });
    }
  }
});
