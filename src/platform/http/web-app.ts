import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';

/**
 * The web application (web/dist, built by `npm run build`) served by the same process at `/`.
 * Client routes (`/borrowers/12`, `/loans/7`) get index.html (history fallback) by rewriting the
 * URL before routing; the API, the docs, health and the queue board keep their routes, and an
 * unknown `/api/...` path still reaches the API's 404 problem document.
 */
const SERVER_PATHS = /^\/(api|docs|health|metrics|admin\/queues)(\/|$|\?)/;
/** Paths with a dot in their last segment are files (favicon.svg, assets/index-3f2a.js). */
const FILE_PATH = /\/[^/?]*\.[^/?]*(\?|$)/;

/** web/dist next to the compiled (dist/src) or the source (src, under ts-jest) module tree. */
export function findWebRoot(): string | null {
  for (const rel of ['../../../../web/dist', '../../../web/dist']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}/index.html`)) return dir;
  }
  return null;
}

/** Fastify's rewriteUrl: a GET of a client route becomes /index.html; everything else is untouched. */
export function rewriteForWebApp(webRoot: string | null): (req: IncomingMessage) => string {
  return (req) => {
    const url = req.url ?? '/';
    if (!webRoot || (req.method !== 'GET' && req.method !== 'HEAD')) return url;
    if (SERVER_PATHS.test(url) || FILE_PATH.test(url)) return url;
    return '/index.html';
  };
}

/**
 * Registers the static files: hashed assets under /assets for a year (their names change with
 * their content), index.html and the other root files never from cache without revalidation,
 * so a new build is picked up on the next load.
 */
export async function registerWebApp(app: NestFastifyApplication, webRoot: string | null): Promise<void> {
  if (!webRoot) return;
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    // One route per file found at start (no catch-all), so unknown paths stay the API's 404.
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
