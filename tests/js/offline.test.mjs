// Offline and updates, in Chromium with a persistent profile (the service worker outlives a
// page): a reader visits once, loses the network, and still opens the list, a takeaway never
// visited, a search and the graphs; then a new build is deployed into the served folder, the
// network comes back, and the reader reaches the new content through the app's prompt. At the
// site's root and under a sub-path, with no console error at any step.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { ROOT, SCREENSHOTS } from "./browser.mjs";
import { PAGE, readBundle } from "./bundle.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";

const sites = [
  ["root", process.env.DIST ?? path.join(ROOT, "dist"), process.env.NEXT_DIST ?? path.join(ROOT, "target/dist-next"), "/"],
  ["sub-path", process.env.SUBPATH_DIST ?? path.join(ROOT, "target/dist-subpath"),
    process.env.HOSTILE_DIST ?? path.join(ROOT, "target/dist-hostile"), "/some/path/"],
];

for (const [name, dist, next, prefix] of sites) {
  describe(`offline and updates at ${name}`, () => {
    const cleanup = [];
    after(async () => {
      for (const undo of cleanup.reverse()) await undo();
    });

    test("a visit is enough to read offline, and a new deploy arrives through the prompt", async () => {
      const work = await mkdtemp(path.join(os.tmpdir(), "takeaways-offline-"));
      cleanup.push(() => rm(work, { recursive: true, force: true }));
      const site = path.join(work, "site");
      await cp(dist, site, { recursive: true });
      const host = await serveStatic(site, prefix);
      cleanup.push(() => host.close());
      const context = await chromium.launchPersistentContext(path.join(work, "profile"), {
        executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        locale: "zh-CN",
      });
      cleanup.push(() => context.close());
      context.setDefaultTimeout(15_000);
      const problems = [];
      const page = context.pages()[0] ?? (await context.newPage());
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("console", (m) => {
        const ofThePage = m.location().url === page.url() && /status of 404/.test(m.text());
        if (m.type() === "error" && !ofThePage) problems.push(`console: ${m.text()}`);
      });
      const before = await readBundle(dist);
      const after = await readBundle(next);
      const cards = () => page.locator(".card").count();

      // One visit: the worker installs, keeps the app and the data, and takes the page.
      await page.goto(host.url);
      await page.locator(".card").first().waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

      await context.setOffline(true);
      await page.reload();
      await page.locator(".card").first().waitFor();
      assert.equal(await cards(), Math.min(before.takeaways.length, PAGE));
      await page.locator(".offline").waitFor();
      const unvisited = before.takeaways.find((t) => t.body_html && t.themes?.length);
      await page.goto(`${host.url}t/${unvisited.id}`);
      await page.locator("article.takeaway .body").waitFor();
      assert.match(await page.locator("h1").textContent(), new RegExp(unvisited.title.slice(0, 8).replace(/[()[\]?*+.]/g, "\\$&")));
      await page.goto(`${host.url}?q=${encodeURIComponent("平台工程")}`);
      await page.locator(".card mark").first().waitFor();
      await page.goto(`${host.url}themes/network`);
      await page.locator("svg#theme-network").waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `offline-${name}.png`), fullPage: true });

      // A new build goes up while the reader is away; back online, the app offers it.
      await page.goto(host.url);
      await page.locator(".card").first().waitFor();
      await rm(site, { recursive: true, force: true });
      await cp(next, site, { recursive: true });
      await context.setOffline(false);
      const prompt = page.locator(".update-prompt");
      await prompt.waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `update-prompt-${name}.png`) });
      await prompt.getByRole("button").click();
      // The page reloads into the new build: its takeaways, its count.
      await page.waitForFunction((n) => document.querySelector(".result-count strong")?.textContent.startsWith(`${n} `), after.takeaways.length);
      assert.notEqual(after.takeaways.length, before.takeaways.length);
      assert.equal(await page.locator(".update-prompt").count(), 0);
      assert.deepEqual(problems, []);
    });
  });
}
