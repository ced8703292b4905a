// The browser the tests and benchmarks drive: Debian's Chromium, headless, with the flags it
// needs as root and never a browser of playwright's own; and, for a test file, one browser for
// the file, fresh pages that record what went wrong, and screenshots for people to look at.
import { after, afterEach, before } from "node:test";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOTS = path.join(ROOT, "target/screenshots");

/** Debian's headless Chromium. */
export const launchChromium = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/**
 * Installs a test file's hooks: one Chromium for the file, each test's pages closed after it.
 * Returns `openPage(options)`: a fresh page (Chinese UI, and `defaults`, unless `options` say
 * otherwise) that records uncaught exceptions in `page.errors`, those and console errors in
 * `page.problems`, and Content-Security-Policy violations in `window.__violations`; and
 * `shot(page, name)`, a full-page screenshot in target/screenshots/.
 */
export function useBrowser(defaults = {}) {
  let browser;
  const contexts = [];
  before(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => browser?.close());
  afterEach(async () => Promise.all(contexts.splice(0).map((c) => c.close())));

  async function openPage(options = {}) {
    const context = await browser.newContext({ locale: "zh-CN", ...defaults, ...options });
    contexts.push(context);
    context.setDefaultTimeout(15_000);
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    page.errors = [];
    page.problems = [];
    page.on("pageerror", (e) => {
      page.errors.push(`page error: ${e.message}`);
      page.problems.push(`page error: ${e.message}`);
    });
    page.on("console", (m) => {
      // The static host answers deep links with 404.html and status 404, as GitHub Pages does:
      // that one 404, of the page itself, is expected.
      const ofThePage = m.location().url === page.url() && /status of 404/.test(m.text());
      if (m.type() === "error" && !ofThePage) page.problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    return page;
  }

  const shot = (page, name) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  return { openPage, shot };
}

/** Waits until the URL's query parameter `key` is `value` (null: absent). */
export const urlParam = (page, key, value) =>
  page.waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k) === v, [key, value]);
