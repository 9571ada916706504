// MLflow's webhook field checks (mlflow/utils/validation.py): name pattern, URL scheme/host/public address, events.
import { hostAndPort, MlflowError, pyStr, pyUrlparse } from '@mlflow-ts/protocol';
import type { StoredWebhookEvent } from '@mlflow-ts/store';
import { isPublicIp, pythonIpText } from './public-ip.js';
import { resolveHost, ResolutionError, RESOLUTION_TIMEOUT_MS } from './resolve-host.js';
import type { WebhookSettings } from './webhook-settings.js';

/** 1–63 characters; letters or digits at both ends, dots, underscores and hyphens inside. */
const NAME = /^(?=.{1,63}$)[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/i;

export function validateWebhookName(name: string): void {
  if (!NAME.test(name)) {
    throw MlflowError.invalidParameter(
      `Webhook name ${pyStr(name)} is invalid. It must start and end with a letter or digit, ` +
        'be less than 63 characters long, and contain only letters, digits, dots (.), ' +
        'underscores (_), and hyphens (-).',
    );
  }
}

/** The host part as urlparse's `.hostname` gives it; throws MLflow's error for a malformed URL. */
function hostnameOf(url: string, settings: WebhookSettings): string {
  // urlsplit refuses a netloc with one bracket but not the other
  const netloc = /^[^:/?#]*:\/\/([^/?#]*)/.exec(url.trimStart())?.[1] ?? '';
  if (netloc.includes('[') !== netloc.includes(']'))
    throw MlflowError.invalidParameter(`Invalid webhook URL ${pyStr(url)}: ValueError('Invalid IPv6 URL')`);
  const parsed = pyUrlparse(url);
  if (!settings.allowedSchemes.includes(parsed.scheme)) {
    throw MlflowError.invalidParameter(
      `Invalid webhook URL scheme: ${pyStr(parsed.scheme)}. Allowed schemes are: ${settings.allowedSchemes.join(', ')}.`,
    );
  }
  const { hostname } = hostAndPort(parsed.netloc);
  if (!hostname) throw MlflowError.invalidParameter(`Webhook URL must include a hostname: ${pyStr(url)}`);
  return hostname;
}

/** Every address the host resolves to must be public, unless private addresses are allowed. */
async function checkResolvesPublic(hostname: string): Promise<void> {
  let addresses: string[];
  try {
    addresses = await resolveHost(hostname);
  } catch (error) {
    if (error instanceof ResolutionError)
      throw MlflowError.invalidParameter(
        `Cannot resolve Webhook URL hostname ${pyStr(hostname)}: ${error.message}`,
      );
    throw MlflowError.invalidParameter(
      `Timed out resolving Webhook URL hostname ${pyStr(hostname)} after ${RESOLUTION_TIMEOUT_MS / 1000} seconds`,
    );
  }
  for (const address of addresses) {
    if (!isPublicIp(address)) {
      throw MlflowError.invalidParameter(
        `Webhook URL must not resolve to a non-public IP address. ${pyStr(hostname)} resolves to ${pythonIpText(address)}.`,
      );
    }
  }
}

export async function validateWebhookUrl(url: string, settings: WebhookSettings): Promise<void> {
  if (url.trim() === '')
    throw MlflowError.invalidParameter(`Webhook URL cannot be empty or just whitespace: ${pyStr(url)}`);
  const hostname = hostnameOf(url, settings);
  if (!settings.allowPrivateIps) await checkResolvesPublic(hostname);
}

/** The Python list repr of WebhookEvent objects MLflow prints; only ever reached with an empty list. */
export function validateWebhookEvents(events: readonly StoredWebhookEvent[]): void {
  if (events.length === 0)
    throw MlflowError.invalidParameter(
      'Webhook events must be a non-empty list of WebhookEvent objects: [].',
    );
}
