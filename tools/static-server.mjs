// A minimal static file server for the built site (bench/lighthouse.sh):
// serves DIR on 127.0.0.1:PORT with the site's Content-Security-Policy,
// gzip when asked, and the language's 404 page for a missing address.
//
//   node tools/static-server.mjs DIR PORT
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const [dir, port] = process.argv.slice(2);
const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".xml": "application/xml",
  ".json": "application/json", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif", ".avif": "image/avif", ".pdf": "application/pdf", ".js": "text/javascript",
  ".wasm": "application/wasm",
};
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  path = normalize(path).replace(/^(\.\.[/\\])+/, "");
  let file = join(dir, path);
  let status = 200;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    await stat(file);
  } catch {
    status = 404;
    file = join(dir, path.startsWith("/en/") ? "en/404.html" : "fr/404.html");
  }
  let body = await readFile(file);
  const headers = {
    "Content-Type": types[extname(file)] || "application/octet-stream",
    "Content-Security-Policy": csp,
    "Cache-Control": "public, max-age=3600",
    "X-Content-Type-Options": "nosniff",
  };
  if (/\bgzip\b/.test(req.headers["accept-encoding"] || "") && /text|xml|json|svg/.test(headers["Content-Type"])) {
    body = gzipSync(body);
    headers["Content-Encoding"] = "gzip";
  }
  res.writeHead(status, headers);
  res.end(body);
}).listen(Number(port), "127.0.0.1");
