// Answers for requests no route takes: Werkzeug's 404 and 405 pages, and Flask's automatic OPTIONS.
import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';

/** The exact pages MLflow's Flask app sends; clients only look at the status, people at the text. */
export const NOT_FOUND_HTML =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
  '<p>The requested URL was not found on the server. If you entered the URL manually please check ' +
  'your spelling and try again.</p>\n';
export const METHOD_NOT_ALLOWED_HTML =
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n' +
  '<p>The method is not allowed for the requested URL.</p>\n';

const HTML = 'text/html; charset=utf-8';
const PROBED: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** The methods some route answers at this concrete path, in Flask's Allow order. */
function allowedMethods(app: FastifyInstance, request: FastifyRequest): string[] {
  const url = pathOf(request.url);
  const methods = PROBED.filter((method) => app.findRoute({ method, url }) !== null);
  return methods.length === 0 ? [] : [...methods, 'OPTIONS'];
}

/**
 * Installs the not-found handler on the root instance. A known path with another method gets 405
 * and an Allow header; OPTIONS on a known path gets Flask's empty 200 (the security layer turns it
 * into 204 on API paths); everything else gets the 404 page.
 */
export function registerNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    const allow = allowedMethods(app, request);
    if (allow.length === 0) return reply.code(404).type(HTML).send(NOT_FOUND_HTML);
    reply.header('allow', allow.join(', '));
    if (request.method === 'OPTIONS') return reply.code(200).type(HTML).send('');
    return reply.code(405).type(HTML).send(METHOD_NOT_ALLOWED_HTML);
  });
}
