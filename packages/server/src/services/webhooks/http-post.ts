// One POST of a webhook body: node:http(s), a socket timeout, and the peer-address check MLflow does at connect time.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { isPublicIp } from './public-ip.js';
import {
  connectFailure,
  connectTimeout,
  readFailure,
  readTimeout,
  TransportError,
} from './transport-errors.js';

export interface HttpResponse {
  status: number;
  body: string;
  headers: IncomingMessage['headers'];
}

/** The connection reached a non-public address: never retried, the delivery fails closed. */
export class BlockedPeerError extends Error {}

export interface PostOptions {
  timeoutMs: number;
  /** false: after connecting, refuse peers that are loopback, private, link-local… (DNS rebinding guard). */
  allowPrivateIps: boolean;
}

function checkPeer(socket: Socket, reject: (e: Error) => void): void {
  const peer = socket.remoteAddress ?? '';
  if (isPublicIp(peer)) return;
  const error = new BlockedPeerError(
    `Webhook connection blocked: ${peer} is not a public IP address. This may indicate a DNS rebinding attempt.`,
  );
  socket.destroy(error);
  reject(error);
}

export function postOnce(
  url: URL,
  body: Buffer,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(body.length) },
      timeout: options.timeoutMs,
      // Proxies from the environment would make the proxy the checked peer (MLflow sets trust_env=False).
      agent: false,
    });
    req.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        connected = true;
        if (!options.allowPrivateIps) checkPeer(socket, reject);
      });
    });
    req.on('timeout', () => {
      const seconds = options.timeoutMs / 1000;
      req.destroy(connected ? readTimeout(url, seconds) : connectTimeout(url, seconds));
    });
    req.on('error', (error) => {
      if (error instanceof BlockedPeerError || error instanceof TransportError) reject(error);
      else if (connected) reject(readFailure(error));
      else reject(connectFailure(url, error));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => reject(readFailure(e)));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
    });
    req.end(body);
  });
}
