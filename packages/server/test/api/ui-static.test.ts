// API tests of the web UI's serving: index.html, hashed assets and their cache headers, deep links, no build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_HTML } from '../../src/http/not-found.js';
import { renderIndexHtml, UI_NOT_BUILT_TEXT } from '../../src/routes/ui-static.js';
import { inject, startTestApp, type TestApp } from '../support/test-app.js';

const INDEX =
  '<!doctype html><html><head><meta name="mlflow-ts-static-prefix" content="" />' +
  '<script type="module" crossorigin src="./assets/index-abc123.js"></script>' +
  '<link rel="stylesheet" crossorigin href="./assets/index-def456.css"></head><body></body></html>';

const HTML_ACCEPT = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let dist: string;
const saved = process.env.MLFLOW_TS_UI_DIST;

async function appWith(distDir: string, staticPrefix = ''): Promise<TestApp> {
  process.env.MLFLOW_TS_UI_DIST = distDir;
  try {
    return await startTestApp({ staticPrefix });
  } finally {
    if (saved === undefined) delete process.env.MLFLOW_TS_UI_DIST;
    else process.env.MLFLOW_TS_UI_DIST = saved;
  }
}

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'mlflow-ts-ui-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app");');
  writeFileSync(join(dist, 'assets', 'index-def456.css'), 'body{}');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('UI at the root', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWith(dist)));
  afterAll(async () => t.close());

  it('sends index.html at / with absolute asset URLs and no-cache', async () => {
    const res = await inject(t.app, { method: 'GET', url: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('src="/static-files/assets/index-abc123.js"');
    expect(res.text).toContain('href="/static-files/assets/index-def456.css"');
  });

  it('serves hashed assets as immutable, with their content type', async () => {
    const js = await inject(t.app, { method: 'GET', url: '/static-files/assets/index-abc123.js' });
    expect([js.status, js.headers['content-type'], js.headers['cache-control'], js.text]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
      'console.log("app");',
    ]);
    const css = await inject(t.app, { method: 'GET', url: '/static-files/assets/index-def456.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it.each([
    '/static-files/assets/missing.js',
    '/static-files/../../etc/passwd',
    '/static-files/%2e%2e/%2e%2e/etc/passwd',
    '/static-files/assets',
  ])("answers Flask's 404 page for %s", async (url) => {
    const res = await inject(t.app, { method: 'GET', url });
    expect([res.status, res.text]).toEqual([404, NOT_FOUND_HTML]);
  });

  it('answers deep links of the app with index.html when a browser asks for a page', async () => {
    for (const url of ['/experiments', '/experiments/12/runs/abc/artifacts?path=a%2Fb.txt', '/models/x']) {
      const res = await inject(t.app, { method: 'GET', url, headers: HTML_ACCEPT });
      expect([url, res.status, res.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
      expect(res.text).toContain('/static-files/assets/index-abc123.js');
    }
  });

  it('keeps the 404 for app paths asked without text/html (API clients, curl)', async () => {
    const res = await inject(t.app, { method: 'GET', url: '/experiments/12' });
    expect([res.status, res.text]).toEqual([404, NOT_FOUND_HTML]);
  });

  it("never shadows the server's own paths: unknown API paths keep 404, known ones keep 405", async () => {
    for (const url of [
      '/api/2.0/mlflow/nope',
      '/ajax-api/2.0/mlflow/nope',
      '/static-files/nope',
      '/get-artifact/x',
    ]) {
      const res = await inject(t.app, { method: 'GET', url, headers: HTML_ACCEPT });
      expect([url, res.status, res.text]).toEqual([url, 404, NOT_FOUND_HTML]);
    }
    const wrongMethod = await inject(t.app, {
      method: 'GET',
      url: '/api/2.0/mlflow/runs/create',
      headers: HTML_ACCEPT,
    });
    expect([wrongMethod.status, wrongMethod.headers.allow]).toEqual([405, 'POST, OPTIONS']);
    const health = await inject(t.app, { method: 'GET', url: '/health', headers: HTML_ACCEPT });
    expect([health.status, health.text]).toEqual([200, 'OK']);
  });

  it('does not answer POST on app paths with the page', async () => {
    const res = await inject(t.app, { method: 'POST', url: '/experiments', headers: HTML_ACCEPT });
    expect(res.status).toBe(404);
  });
});

describe('UI under --static-prefix', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWith(dist, '/mlflow')));
  afterAll(async () => t.close());

  it('serves the page, assets and deep links under the prefix, telling the app its prefix', async () => {
    const index = await inject(t.app, { method: 'GET', url: '/mlflow/' });
    expect(index.status).toBe(200);
    expect(index.text).toContain('<meta name="mlflow-ts-static-prefix" content="/mlflow"');
    expect(index.text).toContain('src="/mlflow/static-files/assets/index-abc123.js"');
    const asset = await inject(t.app, { method: 'GET', url: '/mlflow/static-files/assets/index-abc123.js' });
    expect(asset.status).toBe(200);
    const deep = await inject(t.app, { method: 'GET', url: '/mlflow/experiments/3', headers: HTML_ACCEPT });
    expect(deep.status).toBe(200);
  });

  it('leaves paths outside the prefix alone', async () => {
    expect((await inject(t.app, { method: 'GET', url: '/', headers: HTML_ACCEPT })).status).toBe(404);
    expect((await inject(t.app, { method: 'GET', url: '/experiments', headers: HTML_ACCEPT })).status).toBe(
      404,
    );
  });
});

describe('UI not built', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWith(join(dist, 'no-such-folder'))));
  afterAll(async () => t.close());

  it('answers / and deep links with a plain 404 that says how to build it; the API still works', async () => {
    for (const url of ['/', '/experiments/1']) {
      const res = await inject(t.app, { method: 'GET', url, headers: HTML_ACCEPT });
      expect([res.status, res.headers['content-type'], res.text]).toEqual([
        404,
        'text/plain; charset=utf-8',
        UI_NOT_BUILT_TEXT,
      ]);
    }
    const api = await inject(t.app, {
      method: 'GET',
      url: '/api/2.0/mlflow/experiments/get?experiment_id=0',
    });
    expect(api.status).toBe(200);
  });
});

describe('renderIndexHtml', () => {
  it('escapes the prefix inside the attribute', () => {
    expect(renderIndexHtml(INDEX, '/a"b')).toContain('content="/a&quot;b"');
  });
});
