// A static host for tests, behaving like GitHub Pages: files from a folder under a path prefix,
// a redirect from a folder's path to the same path with a slash, index.html for folders, and
// 404.html (with status 404) for anything missing. It accepts URLs up to 256 KB (the bad-URL
// tests send a 100 KB query).
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
};

const COMPRESSIBLE = Object.fromEntries(
  [".html", ".js", ".wasm", ".css", ".json", ".svg"].map((e) => [TYPES[e], true]));

/** Serves `root` under `prefix` (e.g. "/" or "/some/path/") on 127.0.0.1; resolves to { url, close }. */
export async function serveStatic(dir, prefix = "/") {
  const root = path.resolve(dir);
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
      let body = await readFile(file);
      const headers = { "content-type": type };
      // Compressed as static hosts do, so Lighthouse measures what a visitor would download.
      if (type in COMPRESSIBLE && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        body = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
        headers["content-encoding"] = "br";
      }
      res.writeHead(200, headers).end(body);
    } catch {
      return notFound();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => {
      // Browsers keep connections alive; close them, or close() would wait for them.
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}
