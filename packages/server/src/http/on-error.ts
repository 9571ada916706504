// The one error exit of the app: every failure of a route becomes MLflow's error JSON here.
import {
  ErrorCode,
  MlflowError,
  httpStatusFor,
  isMlflowError,
  validateContentType,
  type HttpMethod,
} from '@mlflow-ts/protocol';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isJsonApiRoute } from './json-content-type.js';
import { sendText } from './send.js';

/** What a client sees of an unexpected failure; the details go to the log only. */
const INTERNAL_MESSAGE = 'Internal Server Error';

function send(reply: FastifyReply, status: number, error: MlflowError): FastifyReply {
  // toJSON() is MLflow's body: code, message, then sqlstate / error_class where MLflow adds them.
  return sendText(reply.code(status), 'application/json', JSON.stringify(error.toJSON()));
}

/** The error MLflow raises for a Content-Type that Fastify could not even parse, if any. */
function unreadableContentType(request: FastifyRequest): MlflowError | null {
  try {
    validateContentType(request.method as HttpMethod, request.headers['content-type'] ?? null);
  } catch (error) {
    if (isMlflowError(error)) return error;
  }
  return null;
}

/**
 * Fastify's own request errors (body too large, broken Content-Length, unparseable Content-Type)
 * keep their 4xx status and get MLflow's JSON shape, so clients see one error format.
 */
function fromFastifyClientError(error: FastifyError, request: FastifyRequest): MlflowError | null {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' && isJsonApiRoute(request)) {
    const contentTypeError = unreadableContentType(request);
    if (contentTypeError !== null) return contentTypeError;
  }
  return new MlflowError(ErrorCode.BAD_REQUEST, error.message);
}

/** Installs the error handler on the root instance; no other code writes an error response. */
export function registerErrorExit(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isMlflowError(error)) {
      const status = httpStatusFor(error.code);
      if (status >= 500) request.log.error({ err: error }, `${request.method} ${request.url} failed`);
      return send(reply, status, error);
    }
    const clientError = fromFastifyClientError(error, request);
    if (clientError !== null) {
      // MLflow's own validation errors are 400s; Fastify's keep their status (e.g. 413).
      const status =
        clientError.code === ErrorCode.BAD_REQUEST
          ? (error.statusCode ?? 400)
          : httpStatusFor(clientError.code);
      return send(reply, status, clientError);
    }
    // A bug or an infrastructure failure: log it whole, never leak its text.
    request.log.error({ err: error }, `Unhandled error in ${request.method} ${request.url}`);
    return send(reply, 500, new MlflowError(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE));
  });
}
