// A static host behaving like GitHub Pages, for `make serve` and the tests: files from a folder
// under a path prefix, a redirect from a folder's path to the same path with a slash, index.html
// for folders, 404.html (with status 404) for anything missing, brotli or gzip for text, and
// GitHub Pages' caching: every file may be kept 10 minutes (`cache-control: max-age=600`), with
// an ETag and a last-modified date to revalidate it (304). It accepts URLs up to 256 KB (the
// bad-URL tests send a 100 KB query).
import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

const COMPRESSIBLE = Object.fromEntries(
  [".html", ".js", ".wasm", ".css", ".json", ".svg", ".xml", ".txt", ".webmanifest"].map((e) => [TYPES[e], true]));

/**
 * Serves `dir` under `prefix` (e.g. "/" or "/some/path/") on 127.0.0.1, on `port` (any free one
 * by default); resolves to { url, close }. Options: `brotli: false` compresses with gzip only, as
 * GitHub Pages does; `sent`, an array, gets `{ path, bytes }` (the body as sent) for every file
 * served. A file is compressed once and kept, as a CDN keeps it: compressing 50 MB of JSON on
 * each request would add seconds no visitor waits for.
 */
export async function serveStatic(dir, prefix = "/", port = 0, { brotli = true, sent } = {}) {
  const root = path.resolve(dir);
  const compressed = new Map();
  const server = http.createServer({ maxHeaderSize: 256 * 1024 }, async (req, res) => {
    const notFound = async () => {
      const page = await readFile(path.join(root, "404.html")).catch(() => "not found");
      res.writeHead(404, { "content-type": TYPES[".html"] }).end(page);
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return notFound();
    }
    if (!pathname.startsWith(prefix)) return notFound();
    let file = path.join(root, pathname.slice(prefix.length));
    if (!file.startsWith(root)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) {
        if (!pathname.endsWith("/")) {
          const search = new URL(req.url, "http://x").search;
          return res.writeHead(301, { location: `${pathname}/${search}` }).end();
        }
        file = path.join(file, "index.html");
      }
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      const { size, mtime, mtimeMs } = await stat(file);
      const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
      const headers = { "content-type": type, "cache-control": "max-age=600", etag,
        "last-modified": mtime.toUTCString(), vary: "accept-encoding" };
      if (req.headers["if-none-match"] === etag) return res.writeHead(304, headers).end();
      let body = await readFile(file);
      // Compressed as static hosts do, so Lighthouse measures what a visitor would download.
      const accepted = req.headers["accept-encoding"] ?? "";
      const encoding = !(type in COMPRESSIBLE) ? null
        : brotli && /\bbr\b/.test(accepted) ? "br"
          : /\bgzip\b/.test(accepted) ? "gzip" : null;
      if (encoding) {
        const key = `${encoding} ${mtimeMs} ${file}`;
        if (!compressed.has(key)) {
          compressed.set(key, encoding === "br"
            ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
            : zlib.gzipSync(body));
        }
        body = compressed.get(key);
        headers["content-encoding"] = encoding;
      }
      sent?.push({ path: pathname, bytes: body.length });
      res.writeHead(200, headers).end(body);
    } catch {
      return notFound();
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () => {
      // Browsers keep connections alive; close them, or close() would wait for them.
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

// As a command: `node scripts/static-host.mjs DIR [PORT] [PREFIX]` serves DIR until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080", prefix = "/"] = process.argv.slice(2);
  const host = await serveStatic(dir, prefix, Number(port));
  console.log(`serving ${dir} at ${host.url} (404.html with status 404 for unknown paths; Ctrl-C stops)`);
}
