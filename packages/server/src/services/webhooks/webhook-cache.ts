// The per-event list of subscribed webhooks, cached for MLFLOW_WEBHOOK_CACHE_TTL seconds as MLflow caches it.
import type { StoredWebhook, StoredWebhookEvent, WebhookStore } from '@mlflow-ts/store';
import { eventKey } from './webhook-events.js';

const PAGE = 100;

export class WebhookCache {
  private readonly entries = new Map<string, { expires: number; webhooks: Promise<StoredWebhook[]> }>();

  constructor(
    private readonly store: WebhookStore,
    private readonly ttlSeconds: number,
  ) {}

  /** All (non-deleted) webhooks subscribed to the event, every page read. */
  subscribers(event: StoredWebhookEvent): Promise<StoredWebhook[]> {
    const key = eventKey(event);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.webhooks;
    const webhooks = this.load(event);
    if (this.ttlSeconds > 0) this.entries.set(key, { expires: now + this.ttlSeconds * 1000, webhooks });
    webhooks.catch(() => this.entries.delete(key));
    return webhooks;
  }

  /**
   * Forgets everything. MLflow lets its cache run out on its own; we also drop it when this
   * process changes a webhook, so its own changes apply at once (other workers still wait the TTL).
   */
  clear(): void {
    this.entries.clear();
  }

  private async load(event: StoredWebhookEvent): Promise<StoredWebhook[]> {
    const all: StoredWebhook[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.store.listWebhooksByEvent(event, { maxResults: PAGE, pageToken });
      all.push(...page.items);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return all;
  }
}
