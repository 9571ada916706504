// Public surface of @mlflow-ts/protocol: wire entities and messages, errors, endpoints, search grammar.
export * from './errors.js';
export * from './entities.js';
export * from './endpoint.js';
export * from './messages/index.js';
export * from './validation/index.js';
export * from './codec/index.js';
export * from './search/index.js';
// Python's urlparse, for the webhook URL checks of the server
export { pyUrlparse, hostAndPort } from './validation/url-parse.js';
// Python's repr(), for error texts (webhook URL checks, SQLAlchemy-style IntegrityErrors of the store)
export { PyTuple, pyRepr, pyStr, type PyValue } from './codec/python-repr.js';
// Python's json.dumps, for bytes MLflow signs, stores or writes (webhooks, run tags, checkpoint files)
export {
  PyFloat,
  pyJsonDumps,
  pyJsonFloat,
  pyJsonString,
  type PyJsonDumpsOptions,
} from './codec/python-json.js';
