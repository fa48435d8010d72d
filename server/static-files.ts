import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { HttpError } from './http-json.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The customer page runs no inline script or style and talks only to this server: a
 * strict policy costs it nothing and keeps a hostile message from running anything.
 */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * Serves the customer page's files from `folder` (flat, read once at start): a request
 * can only name one of them, so no path ever reaches the file system.
 */
export function staticFiles(folder: string, extra: Readonly<Record<string, string>> = {}) {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(folder)) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) files.set(`/${name}`, { body: readFileSync(join(folder, name)), type });
  }
  // Scripts from installed packages (rrweb's recorder for co-browsing), served as JavaScript when present.
  for (const [path, file] of Object.entries(extra)) {
    if (existsSync(file)) files.set(path, { body: readFileSync(file), type: CONTENT_TYPES['.js'] as string });
  }

  return function serveStatic(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const file = files.get(url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) throw new HttpError(404, `Nothing at ${url.pathname}.`);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpError(405, `${request.method ?? 'This method'} is not allowed on ${url.pathname}; use GET.`, { allow: 'GET, HEAD' });
    }
    response.writeHead(200, { ...PAGE_HEADERS, 'content-type': file.type, 'content-length': file.body.length });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };
}
