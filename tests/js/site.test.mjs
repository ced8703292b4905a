// The built site as crawlers, feed readers and link previews see it, without a browser: the
// sitemap's every URL answers 200 with readable text and link-preview tags on a host that behaves
// like GitHub Pages, every card is a PNG of 1200×630, the feeds are Atom whose links resolve,
// robots.txt names the sitemap, and unknown paths answer 404.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";
import { ROOT } from "./browser.mjs";
import { serveStatic } from "../../scripts/static-host.mjs";

const DIST = process.env.DIST ?? path.join(ROOT, "dist");
const SUBPATH_DIST = process.env.SUBPATH_DIST ?? path.join(ROOT, "target/dist-subpath");
// The sites are built for http://127.0.0.1:8080 (TAKEAWAYS_SITE_URL's default) and its public URL.
const BUILT_FOR = "http://127.0.0.1:8080";
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["url", "entry", "link", "category", "author"].includes(name) });

/** The text of an XML document, parsed; fails on anything that is not well-formed. */
function parseXml(text, what) {
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `${what}: ${JSON.stringify(valid)}`);
  return xml.parse(text);
}

for (const [name, dist, prefix] of [["root", DIST, "/"], ["sub-path", SUBPATH_DIST, "/some/path/"]]) {
  describe(`the site's files at ${name}`, () => {
    let host;
    before(async () => (host = await serveStatic(dist, prefix)));
    after(async () => host?.close());
    /** What the host answers for an absolute URL of the built site. */
    const get = (url) => fetch(url.replace(BUILT_FOR, new URL(host.url).origin));

    test("every page in the sitemap answers 200 with text, link-preview tags and a 1200×630 card", async () => {
      const sitemap = parseXml(await (await get(`${BUILT_FOR}${prefix}sitemap.xml`)).text(), "sitemap.xml");
      const urls = sitemap.urlset.url;
      assert.ok(urls.length > 100, `${urls.length} pages`);
      const cards = new Set();
      for (const { loc, lastmod } of urls) {
        assert.ok(loc.startsWith(`${BUILT_FOR}${prefix}`), loc);
        if (lastmod !== undefined) assert.match(String(lastmod), /^\d{4}-\d{2}-\d{2}$/, loc);
        const response = await get(loc);
        assert.equal(response.status, 200, loc);
        const html = await response.text();
        const meta = (property) => html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`))?.[1];
        for (const tag of ["og:title", "og:description", "og:url", "og:image", "og:image:alt", "twitter:card"]) {
          assert.ok(meta(tag), `${loc}: ${tag}`);
        }
        assert.equal(meta("twitter:card"), "summary_large_image", loc);
        assert.match(html, /<title>[^<]+<\/title>/, loc);
        const text = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
        assert.ok(text.length > 200, `${loc}: readable text`);
        cards.add(meta("og:image"));
      }
      for (const card of cards) {
        const response = await get(card);
        assert.equal(response.headers.get("content-type"), "image/png", card);
        const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
        assert.deepEqual([png.width, png.height], [1200, 630], card);
      }
    });

    test("feeds are Atom, linked from their pages, and their entries open", async () => {
      const pages = [prefix, `${prefix}theme/platform-engineering`, `${prefix}event/2024-eu-paris`];
      for (const page of pages) {
        const html = await (await get(`${BUILT_FOR}${page}`)).text();
        const href = html.match(/<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="([^"]+)"/)?.[1];
        assert.ok(href, `${page} links its feed`);
        const feed = parseXml(await (await get(`${BUILT_FOR}${href}`)).text(), href).feed;
        assert.equal(feed.xmlns, "http://www.w3.org/2005/Atom", href);
        assert.ok(feed.title && feed.id && feed.updated, href);
        assert.ok(feed.entry.length > 0, `${href} has entries`);
        for (const entry of feed.entry) {
          assert.match(entry.updated, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
          const link = entry.link.find((l) => l.rel === "alternate").href;
          assert.equal((await get(link)).status, 200, link);
        }
      }
    });

    test("robots.txt names the sitemap, and unknown paths answer 404 with a page", async () => {
      const robots = await (await get(`${BUILT_FOR}${prefix}robots.txt`)).text();
      assert.match(robots, new RegExp(`Sitemap: ${BUILT_FOR}${prefix}sitemap.xml`));
      const missing = await get(`${BUILT_FOR}${prefix}no/such/page`);
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /找不到这个页面/);
    });
  });
}
