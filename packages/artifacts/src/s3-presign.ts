// Presigned S3 URLs without @aws-sdk/s3-request-presigner: the client's own stack serialises, its signer presigns.
import type { S3Client } from '@aws-sdk/client-s3';

/** The slice of the SDK's HttpRequest that URL building and presigning read. */
interface HttpRequestLike {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[] | null>;
  headers: Record<string, string>;
}

interface Presigner {
  presign(request: HttpRequestLike, options: { expiresIn: number }): Promise<HttpRequestLike>;
}

/** What S3Client's resolved config carries at runtime but its public type leaves out. */
interface SigningConfig {
  signerConstructor: new (init: Record<string, unknown>) => Presigner;
  credentials: unknown;
  region: unknown;
  sha256: unknown;
}

/** A command's input and how it builds its middleware handler, structurally. */
interface CommandLike {
  input: object;
  resolveMiddleware(
    stack: unknown,
    config: unknown,
    options: unknown,
  ): (args: { input: object }) => Promise<{
    output: { presigned?: HttpRequestLike };
  }>;
}

/** Headers the SDK adds for itself; a presigned URL must not sign what the caller will not send. */
const SDK_ONLY_HEADERS = ['amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-user-agent', 'content-type'];

function formatUrl(r: HttpRequestLike): string {
  const port = r.port === undefined ? '' : `:${r.port}`;
  const query = Object.entries(r.query)
    .flatMap(([k, v]) => (v === null ? [k] : [v].flat().map((x) => `${k}=${encodeURIComponent(x)}`)))
    .map((pair) => (pair.includes('=') ? pair : encodeURIComponent(pair)))
    .join('&');
  return `${r.protocol}//${r.hostname}${port}${r.path}${query === '' ? '' : `?${query}`}`;
}

/**
 * Serialises `command` through a clone of the client's middleware stack (endpoint, path-style and
 * bucket handling as for a real call), stops just before signing, and presigns the request with the
 * client's SigV4 signer and credentials. Nothing is sent.
 */
export async function presignedUrl(client: S3Client, command: object, expiresIn = 900): Promise<string> {
  const config = client.config as unknown as SigningConfig;
  const signer = new config.signerConstructor({
    ...config,
    service: 's3',
    uriEscapePath: false,
    applyChecksum: false,
  });
  const stack = client.middlewareStack.clone();
  // Runs in place of signing and sending: the serialised request comes back presigned as output.
  const intercept = () => async (args: { request: HttpRequestLike }) => {
    const request = args.request;
    for (const h of SDK_ONLY_HEADERS) delete request.headers[h];
    request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    request.headers.host = `${request.hostname}${request.port === undefined ? '' : `:${request.port}`}`;
    const presigned = await signer.presign(request, { expiresIn });
    return { response: {}, output: { $metadata: {}, presigned } };
  };
  stack.addRelativeTo(intercept as unknown as Parameters<typeof stack.addRelativeTo>[0], {
    name: 'mlflowTsPresign',
    relation: 'before',
    toMiddleware: 'awsAuthMiddleware',
    override: true,
  });
  const cmd = command as CommandLike;
  const { output } = await cmd.resolveMiddleware(stack, client.config, {})({ input: cmd.input });
  if (output.presigned === undefined) throw new Error('S3 presigning produced no request');
  return formatUrl(output.presigned);
}
