// Explains why the server could not listen, in one line naming the address.
import { CliRuntimeError } from '../errors.js';

export function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return new CliRuntimeError(`Cannot listen on ${where}: the port is already in use.`);
    case 'EACCES':
      return new CliRuntimeError(
        `Cannot listen on ${where}: permission denied (ports below 1024 need privileges).`,
      );
    case 'EADDRNOTAVAIL':
      return new CliRuntimeError(`Cannot listen on ${where}: no network interface has the address ${host}.`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CliRuntimeError(`Cannot listen on ${where}: the host name '${host}' does not resolve.`);
    default:
      return err;
  }
}
