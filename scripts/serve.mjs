// A static file server that behaves like a plain static host (GitHub Pages, S3 website, nginx
// with `error_page 404 /404.html`): files are served as they are (compressed with brotli or gzip
// when the client accepts it, as such hosts do), a directory serves its index.html, and anything
// else gets 404.html with status 404. Used by `make run`, the tests and the benchmark.
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt', '.xml']);
const compressed = new Map(); // `${encoding}:${file}:${mtime}` -> Buffer

async function encode(file, body, acceptEncoding) {
  if (!COMPRESSIBLE.has(extname(file))) return null;
  const encoding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : null;
  if (!encoding) return null;
  const key = `${encoding}:${file}:${(await stat(file)).mtimeMs}`;
  if (!compressed.has(key)) {
    // Moderate levels, as hosts compressing on the fly use (quality 11 takes seconds on the wasm).
    compressed.set(key, encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(body, { level: 6 }));
  }
  return { encoding, body: compressed.get(key) };
}

async function fileAt(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = resolve(join(root, normalize(path)));
  if (!full.startsWith(root)) return null; // no escaping the site root
  try {
    const info = await stat(full);
    if (info.isDirectory()) return fileAt(root, join(path, 'index.html'));
    return full;
  } catch {
    return null;
  }
}

async function firstFile(roots, urlPath) {
  for (const root of roots) {
    const file = await fileAt(root, urlPath);
    if (file) return file;
  }
  return null;
}

/**
 * Starts serving `roots` (one directory, or several layered: the first that has a path wins) on
 * 127.0.0.1:`port` (0 picks a free port); resolves to { server, url }. With `tls` ({ key, cert }),
 * it speaks HTTP/2 over TLS as CDNs and most static hosts do (the benchmark uses that: one
 * connection for every file, as a reader's browser would have).
 */
export function serve(roots, { port = 0, host = '127.0.0.1', log = false, headers = {}, tls } = {}) {
  roots = [roots].flat().map((r) => resolve(r));
  const listen = tls ? (handler) => createSecureServer({ ...tls, allowHTTP1: true }, handler) : createServer;
  const server = listen(async (req, res) => {
    const urlPath = new URL(req.url, 'http://x').pathname;
    let file = await firstFile(roots, urlPath);
    let status = 200;
    if (!file) {
      status = 404;
      file = await firstFile(roots, '/404.html');
    }
    if (log) console.log(status, req.method, req.url);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body = await readFile(file);
    const encoded = await encode(file, body, req.headers['accept-encoding'] ?? '');
    if (encoded) body = encoded.body;
    res.writeHead(status, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(encoded ? { 'content-encoding': encoded.encoding } : {}),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok) => {
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      ok({ server, url: `${tls ? 'https' : 'http'}://${host}:${bound}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // serve.mjs [--port N] [--log] DIR [MORE_DIRS...]: later directories fill in what earlier ones lack.
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 8080;
  const roots = args.filter((a, i) => !a.startsWith('--') && !(portArg >= 0 && i === portArg + 1));
  const { url } = await serve(roots.length ? roots : ['dist'], { port, log: args.includes('--log') });
  console.log(`Trimova is being served from ${roots.join(' + ')} at ${url}/  (Ctrl+C to stop)`);
}
