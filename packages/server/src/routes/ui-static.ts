// Serves the built web UI (packages/ui/dist): index.html at `/`, assets under /static-files, SPA deep links.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NOT_FOUND_HTML } from '../http/not-found.js';
import type { RoutePaths } from '../http/route-paths.js';

/**
 * First path segments that belong to the server, never to the UI: an unknown path below them keeps
 * MLflow's 404/405 answers instead of getting the app's index.html.
 */
const SERVER_SEGMENTS: ReadonlySet<string> = new Set([
  'api',
  'ajax-api',
  'health',
  'version',
  'static-files',
  'get-artifact',
  'graphql',
  'model-versions',
  'metrics',
  'gateway',
]);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names files under assets/ by content hash, so they never change: cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated, so a new build is picked up at once. */
const REVALIDATE = 'no-cache';

export const UI_NOT_BUILT_TEXT =
  'The mlflow-ts web UI is not built, so there is nothing to show here.\n' +
  'Build it with `npm run build` in the mlflow-ts checkout (or `npx vite build` in packages/ui), ' +
  'or point MLFLOW_TS_UI_DIST at a built UI folder. The REST API works without it.\n';

/**
 * Where the built UI lives: MLFLOW_TS_UI_DIST, else the dist/ folder beside the @mlflow-ts/ui
 * package found by Node's resolution. The server never imports UI code; it only serves files.
 */
export function resolveUiDist(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.MLFLOW_TS_UI_DIST;
  if (fromEnv) return resolve(fromEnv);
  try {
    const pkg = createRequire(import.meta.url).resolve('@mlflow-ts/ui/package.json');
    return join(dirname(pkg), 'dist');
  } catch {
    return null;
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The page as sent: asset URLs (built relative, `./assets/…`) made absolute under the prefix so deep
 * links load them, and the prefix handed to the app through its meta tag.
 */
export function renderIndexHtml(html: string, prefix: string): string {
  return html
    .replace(/(src|href)="\.\/assets\//g, `$1="${prefix}/static-files/assets/`)
    .replace(
      /<meta name="mlflow-ts-static-prefix" content="[^"]*"/,
      `<meta name="mlflow-ts-static-prefix" content="${escapeAttribute(prefix)}"`,
    );
}

function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export interface UiStaticDeps {
  readonly paths: RoutePaths;
  /** The built UI folder; null or a folder without index.html gives the "not built" answer. */
  readonly distDir: string | null;
}

export function registerUiStaticRoutes(app: FastifyInstance, deps: UiStaticDeps): void {
  const { paths, distDir } = deps;
  const prefix = paths.prefix;

  const sendIndex = async (reply: FastifyReply): Promise<FastifyReply> => {
    let html: string;
    try {
      if (distDir === null) throw new Error('no dist');
      html = await readFile(join(distDir, 'index.html'), 'utf8');
    } catch {
      return reply.code(404).type('text/plain; charset=utf-8').send(UI_NOT_BUILT_TEXT);
    }
    return reply
      .header('cache-control', REVALIDATE)
      .type('text/html; charset=utf-8')
      .send(renderIndexHtml(html, prefix));
  };

  app.get(paths.ui('/'), (_request, reply) => sendIndex(reply));

  app.get(paths.ui('/static-files/*'), async (request, reply): Promise<FastifyReply> => {
    const rel = (request.params as { '*': string })['*'];
    const file = distDir === null ? null : resolve(distDir, rel);
    // resolve() folds `..`; anything that lands outside dist/ is not ours to serve.
    const inside = file !== null && distDir !== null && file.startsWith(resolve(distDir) + sep);
    const info = inside ? await stat(file).catch(() => null) : null;
    if (file === null || info === null || !info.isFile()) {
      // Not callNotFound(): its 405 probe would find this very GET route and answer 405.
      return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND_HTML);
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const immutable = rel.startsWith('assets/');
    return reply
      .header('cache-control', immutable ? IMMUTABLE : REVALIDATE)
      .header('content-length', String(info.size))
      .type(type)
      .send(createReadStream(file));
  });

  // Deep links (/experiments/1/runs/…) are app routes, not server routes. They are answered from
  // the not-found path rather than by a catch-all route, so that Flask's 404/405 answers (and their
  // Allow headers) for every server path stay exactly as they are.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined;
    if (!(request.headers.accept ?? '').includes('text/html')) return undefined;
    const path = pathOnly(request.url);
    if (!path.startsWith(`${prefix}/`)) return undefined;
    const first = path.slice(prefix.length + 1).split('/')[0] ?? '';
    if (SERVER_SEGMENTS.has(first)) return undefined;
    await sendIndex(reply);
    return reply;
  });
}
