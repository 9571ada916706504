// Why a webhook POST got no response, worded as the urllib3 errors MLflow's requests session reports.

/** errno names as Linux numbers and strerror texts them (Python prints "[Errno 111] Connection refused"). */
const ERRNO: Readonly<Record<string, [number, string]>> = {
  ECONNREFUSED: [111, 'Connection refused'],
  ECONNRESET: [104, 'Connection reset by peer'],
  EHOSTUNREACH: [113, 'No route to host'],
  ENETUNREACH: [101, 'Network is unreachable'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  ETIMEDOUT: [110, 'Connection timed out'],
};

/** getaddrinfo failures as socket.gaierror prints them. */
const GAI: Readonly<Record<string, string>> = {
  ENOTFOUND: '[Errno -2] Name or service not known',
  EAI_AGAIN: '[Errno -3] Temporary failure in name resolution',
};

/** urllib3's description of the connection and its pool (MLflow mounts SSRF-protected ones). */
export function connectionLabel(url: URL, kind: 'Connection' | 'ConnectionPool'): string {
  const https = url.protocol === 'https:';
  const port = url.port === '' ? (https ? 443 : 80) : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return `_SSRFProtectedHTTP${https ? 'S' : ''}${kind}(host='${host}', port=${port})`;
}

/** A failed attempt: the urllib3 exception type and its message. */
export class TransportError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
    /** true when no connection was made (connect errors are retried like read errors, but reported apart). */
    readonly beforeConnect: boolean,
  ) {
    super(message);
  }
}

export function connectFailure(url: URL, error: NodeJS.ErrnoException): TransportError {
  const conn = connectionLabel(url, 'Connection');
  const code = error.code ?? '';
  const gai = GAI[code];
  if (gai)
    return new TransportError(
      'NameResolutionError',
      `${conn}: Failed to resolve '${url.hostname}' (${gai})`,
      true,
    );
  const known = ERRNO[code];
  const reason = known ? `[Errno ${known[0]}] ${known[1]}` : error.message;
  return new TransportError(
    'NewConnectionError',
    `${conn}: Failed to establish a new connection: ${reason}`,
    true,
  );
}

export function connectTimeout(url: URL, seconds: number): TransportError {
  const conn = connectionLabel(url, 'Connection');
  return new TransportError(
    'ConnectTimeoutError',
    `${conn}: Connection to ${url.hostname} timed out. (connect timeout=${seconds})`,
    true,
  );
}

export function readTimeout(url: URL, seconds: number): TransportError {
  return new TransportError(
    'ReadTimeoutError',
    `${connectionLabel(url, 'ConnectionPool')}: Read timed out. (read timeout=${seconds})`,
    false,
  );
}

export function readFailure(error: Error): TransportError {
  return new TransportError('ProtocolError', `('Connection aborted.', ${error.message})`, false);
}
