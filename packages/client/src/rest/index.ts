// The browser-safe REST core: RestClient, its error type, and the wire helpers it is built from.
export {
  RestClient,
  type RestClientOptions,
  type HeadersSource,
  type CallRequest,
  type CallResponse,
  type RawRequest,
  type PreparedRequest,
  type CallOptions,
} from './rest-client.js';
export { MlflowRestError, restErrorFromResponse } from './rest-error.js';
export { encodeQuery } from './query-string.js';
export { decodeResponse } from './decode-response.js';
export { endpointPath, type ApiPrefix } from './endpoint-url.js';
export { retryClassOf, type RetryClass, type RetryOptions } from './retry.js';
