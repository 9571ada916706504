// Hostname resolution for webhook checks: getaddrinfo through dns.lookup, errors worded as Python's gaierror.
import { lookup } from 'node:dns/promises';

/** MLflow gives a lookup five seconds (its _HOSTNAME_RESOLUTION_TIMEOUT_SECONDS). */
export const RESOLUTION_TIMEOUT_MS = 5000;

/** getaddrinfo's EAI_* errors as Python's socket.gaierror prints them. */
const GAI_TEXT: Readonly<Record<string, string>> = {
  ENOTFOUND: '[Errno -2] Name or service not known',
  EAI_AGAIN: '[Errno -3] Temporary failure in name resolution',
  EAI_FAIL: '[Errno -4] Non-recoverable failure in name resolution',
  ENODATA: '[Errno -5] No address associated with hostname',
  EAI_NODATA: '[Errno -5] No address associated with hostname',
  EAI_FAMILY: '[Errno -6] ai_family not supported',
  EAI_SERVICE: '[Errno -8] Servname not supported for ai_socktype',
};

export class ResolutionError extends Error {}
export class ResolutionTimeout extends Error {}

/** Every address the name resolves to, in getaddrinfo's order. */
export async function resolveHost(hostname: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ResolutionTimeout()), RESOLUTION_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(hostname, { all: true, order: 'verbatim' }), timeout]);
    return found.map((a) => a.address);
  } catch (error) {
    if (error instanceof ResolutionTimeout) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new ResolutionError(GAI_TEXT[code] ?? (error instanceof Error ? error.message : String(error)));
  } finally {
    clearTimeout(timer);
  }
}
