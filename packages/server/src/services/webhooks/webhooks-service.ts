// Webhook rules of MLflow's handlers and store (CRUD, test delivery), and the sink that delivers registry events.
import {
  MlflowError,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  type Webhook,
  type WebhookEvent,
  type WebhookTestResult,
} from '@mlflow-ts/protocol';
import type { StoredWebhook, StoredWebhookEvent, TrackingStore, UpdateWebhookInput } from '@mlflow-ts/store';
import type { RegistryEvent, RegistryEventSink } from '../registry-events.js';
import { DeliveryPool } from './delivery-pool.js';
import { examplePayload } from './example-payloads.js';
import { SecretCipher } from './secret-cipher.js';
import { WebhookCache } from './webhook-cache.js';
import { eventFromWire, eventKey } from './webhook-events.js';
import { envelope, sendWebhook } from './webhook-request.js';
import type { WebhookSettings } from './webhook-settings.js';
import { testFailureMessage } from './test-failure.js';
import { validateWebhookEvents, validateWebhookName, validateWebhookUrl } from './webhook-validation.js';
import { webhookToWire } from './webhook-wire.js';

export interface WebhookPage {
  webhooks: Webhook[];
  nextPageToken?: string;
}

export type WebhookLog = (message: string) => void;

const stderrLog: WebhookLog = (message) => process.stderr.write(`${message}\n`);

export class WebhooksService implements RegistryEventSink {
  private readonly cipher: SecretCipher;
  private readonly cache: WebhookCache;
  private readonly pool: DeliveryPool;
  /** Subscriber lookups of emitted events not yet turned into queued deliveries. */
  private readonly lookups = new Set<Promise<void>>();

  constructor(
    private readonly store: TrackingStore,
    private readonly settings: WebhookSettings,
    private readonly log: WebhookLog = stderrLog,
  ) {
    this.cipher = new SecretCipher(settings.encryptionKey);
    this.cache = new WebhookCache(store.webhooks, settings.cacheTtlSeconds);
    this.pool = new DeliveryPool(settings.maxWorkers);
  }

  /** MLflow's order: events and status are read by the handler, then the store checks name, url, events. */
  async create(req: CreateWebhookRequest): Promise<Webhook> {
    const events = req.events.map(eventFromWire);
    validateWebhookName(req.name);
    await validateWebhookUrl(req.url, this.settings);
    validateWebhookEvents(events);
    const stored = await this.store.webhooks.createWebhook({
      name: req.name,
      url: req.url,
      events,
      description: req.description || null,
      secret: this.cipher.seal(req.secret || null),
      status: req.status,
    });
    this.cache.clear();
    return this.toWire(stored);
  }

  /** max_results 0 (absent) means 100; MLflow allows 1..1000. */
  async list(maxResults: number, pageToken: string): Promise<WebhookPage> {
    const max = maxResults || 100;
    if (max < 1 || max > 1000) throw MlflowError.invalidParameter('max_results must be between 1 and 1000.');
    const page = await this.store.webhooks.listWebhooks({
      maxResults: max,
      pageToken: pageToken || undefined,
    });
    return { webhooks: page.items.map((w) => this.toWire(w)), nextPageToken: page.nextPageToken };
  }

  async get(webhookId: string): Promise<Webhook> {
    return this.toWire(await this.store.webhooks.getWebhook(webhookId));
  }

  /**
   * An empty name or url, or no events, leave the field as it is (MLflow reads them with `or None`);
   * description, secret and status change whenever sent, even empty.
   */
  async update(req: UpdateWebhookRequest): Promise<Webhook> {
    const events = req.events.length > 0 ? req.events.map(eventFromWire) : undefined;
    // MLflow loads (and so decrypts) the webhook before changing it
    this.cipher.open((await this.store.webhooks.getWebhook(req.webhook_id)).secret);
    const patch: UpdateWebhookInput = {};
    if (req.name) {
      validateWebhookName(req.name);
      patch.name = req.name;
    }
    if (req.url) {
      await validateWebhookUrl(req.url, this.settings);
      patch.url = req.url;
    }
    if (events) {
      validateWebhookEvents(events);
      patch.events = events;
    }
    if (req.description !== undefined) patch.description = req.description;
    if (req.secret !== undefined) patch.secret = this.cipher.seal(req.secret) ?? undefined;
    if (req.status !== undefined) patch.status = req.status;
    const stored = await this.store.webhooks.updateWebhook(req.webhook_id, patch);
    this.cache.clear();
    return this.toWire(stored);
  }

  async delete(webhookId: string): Promise<void> {
    this.cipher.open((await this.store.webhooks.getWebhook(webhookId)).secret);
    await this.store.webhooks.deleteWebhook(webhookId);
    this.cache.clear();
  }

  /** Sends the example payload of `event` (default: the webhook's first event) and reports what came back. */
  async test(webhookId: string, event: WebhookEvent | undefined): Promise<WebhookTestResult> {
    const chosen = event ? eventFromWire(event) : undefined;
    const stored = await this.store.webhooks.getWebhook(webhookId);
    const secret = this.cipher.open(stored.secret);
    const testEvent = chosen ?? (stored.events[0] as StoredWebhookEvent);
    try {
      await validateWebhookUrl(stored.url, this.settings);
      const body = envelope(testEvent, examplePayload(eventKey(testEvent)));
      const response = await sendWebhook({ url: stored.url, secret }, body, this.settings);
      return {
        success: response.status < 400,
        response_status: response.status,
        response_body: response.body,
      };
    } catch (error) {
      return { success: false, error_message: testFailureMessage(error) };
    }
  }

  /** The registry's sink: never throws, never waits; deliveries run in the background pool. */
  emit(event: RegistryEvent): void {
    const target: StoredWebhookEvent = { entity: event.entity, action: event.action };
    const lookup = this.cache
      .subscribers(target)
      .then((webhooks) => {
        // MLflow decrypts every subscriber while loading the list: one unreadable secret stops them all
        const targets = webhooks.map((w) => ({ webhook: w, secret: this.cipher.open(w.secret) }));
        for (const { webhook, secret } of targets) {
          if (webhook.status !== 'ACTIVE') continue;
          this.pool.submit(() => this.deliver(webhook.url, secret, target, event.payload));
        }
      })
      .catch((error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        this.log(`Failed to deliver webhook for event ${eventKey(target)}: ${detail}`);
      })
      .finally(() => this.lookups.delete(lookup));
    this.lookups.add(lookup);
  }

  /** Resolves when no event is being looked up and no delivery is queued or running (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.lookups.size > 0) await Promise.all([...this.lookups]);
    await this.pool.idle();
  }

  private async deliver(
    url: string,
    secret: string | null,
    event: StoredWebhookEvent,
    data: Record<string, unknown>,
  ): Promise<void> {
    try {
      await validateWebhookUrl(url, this.settings);
      await sendWebhook({ url, secret }, envelope(event, data), this.settings);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.log(`Failed to send webhook to ${url} for event ${eventKey(event)}: ${detail}`);
    }
  }

  /** MLflow decrypts the secret whenever it loads a webhook, so an unreadable one fails the read. */
  private toWire(stored: StoredWebhook): Webhook {
    this.cipher.open(stored.secret);
    return webhookToWire(stored);
  }
}
