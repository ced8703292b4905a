// Throwaway: long tasks and resources of a cold ?q= at 5,000 articles.
import { launchChromium } from "./browser.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";
const [DIST, URLPATH] = process.argv.slice(2);
const host = await serveStatic(DIST, "/", 0, { brotli: false });
const browser = await launchChromium();
for (let run = 0; run < 2; run++) {
  const context = await browser.newContext({ locale: "zh-CN", serviceWorkers: "block", viewport: { width: 1100, height: 900 } });
  await context.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  await page.goto(host.url + (URLPATH ?? "?q=kubernetes"));
  await page.waitForFunction(() => { const m = document.querySelector("main"); return m && !m.hasAttribute("data-prerendered") && m.querySelector(".result-count")?.textContent.includes("相关度"); }, null, { timeout: 60000 });
  await page.waitForTimeout(300);
  const out = await page.evaluate(() => ({ tasks: window.__tasks, res: performance.getEntriesByType("resource").map((e) => [e.name.replace(/^.*\//, "").slice(0, 28), Math.round(e.startTime), Math.round(e.responseEnd), e.encodedBodySize]) , now: Math.round(performance.now())}));
  console.log("run", run, "tasks", JSON.stringify(out.tasks));
  const groups = {};
  for (const [name, s, e, b] of out.res) { const k = name.replace(/\d+/g, "N"); (groups[k] ??= [0, 0, 1e9, 0]); groups[k][0]++; groups[k][1] += b; groups[k][2] = Math.min(groups[k][2], s); groups[k][3] = Math.max(groups[k][3], e); }
  console.log(JSON.stringify(groups));
  await context.close();
}
await browser.close();
host.close?.();
process.exit(0);
