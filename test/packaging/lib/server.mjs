// A static file server for the built apps and bundles (module scripts need http://).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/**
 * Serves `routes` (`{ '/': dir, '/classlens.js': file, … }`; the longest matching prefix
 * wins, a folder serves index.html). Resolves to `{ url, close() }` on a free port.
 */
export function serve(routes) {
  const entries = Object.entries(routes).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const hit = entries.find(
      ([prefix]) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/'),
    );
    let file = null;
    if (hit) {
      const [prefix, target] = hit;
      const rest = path.slice(prefix.length).replace(/^\/+/, '');
      file = rest ? normalize(join(target, rest)) : target;
      if (rest && !file.startsWith(normalize(target) + sep)) file = null;
    }
    try {
      if (file && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file || !statSync(file).isFile()) throw new Error('not found');
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
