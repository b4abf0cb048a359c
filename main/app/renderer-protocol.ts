import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** The custom scheme the renderer is served from: a real origin, unlike file://, so CSP and sender checks work. */
export const APP_SCHEME = 'app';

/** The one host of that scheme. */
export const APP_HOST = 'wharf';

/** The renderer's origin as a URL prefix. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's Content-Security-Policy, sent as a header on every response: only our own scripts, styles
 * and fonts; images also as data: URLs (icons); no network at all (`connect-src 'none'`: everything goes
 * through window.wharf); no <base>, no form posts, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers on every response, errors included. */
export function securityHeaders(contentSecurityPolicy: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * Maps a request path to a file under `root`, or null when it would leave it: `..` (also percent-encoded),
 * backslashes, NUL and encoded separators are refused, and the resolved path must stay inside `root`.
 * Pure, shared by the app's protocol handler and the bridge's HTTP server.
 */
export function resolveRendererFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c/i.test(pathname)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join(sep);
  const base = resolve(root);
  const file = resolve(base, relative);
  if (!file.startsWith(base + sep)) return null;
  return file;
}

/** Reads a renderer file into a Response with its type and the security headers; 404 when absent. */
export async function serveRendererFile(root: string, pathname: string, method: string, contentSecurityPolicy?: string): Promise<Response> {
  const headers = securityHeaders(contentSecurityPolicy);
  if (method !== 'GET' && method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers });
  const file = resolveRendererFile(root, pathname);
  if (file === null) return new Response('Forbidden', { status: 403, headers });
  try {
    const info = await stat(file);
    if (!info.isFile()) return new Response('Not found', { status: 404, headers });
    const body = method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' },
    });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

/**
 * The `protocol.handle('app', ...)` handler: only `app://wharf/...`, files from `root` only, every
 * response with the CSP header.
 */
export function createRendererHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400, headers: securityHeaders() });
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response('Not found', { status: 404, headers: securityHeaders() });
    return serveRendererFile(root, url.pathname, request.method);
  };
}
