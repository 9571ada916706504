// Webhook RPC handlers: the id comes from the URL path (decoded into the message), the rules live in the service.
import type { webhookEndpoints } from '@mlflow-ts/protocol';
import type { HandlerTable } from '../types.js';

export type WebhookHandlers = HandlerTable<typeof webhookEndpoints>;

export const webhookHandlers: WebhookHandlers = {
  createWebhook: async (req, { services }) => ({ webhook: await services.webhooks.create(req) }),
  listWebhooks: async (req, { services }) => {
    const page = await services.webhooks.list(req.max_results, req.page_token);
    return { webhooks: page.webhooks, next_page_token: page.nextPageToken };
  },
  getWebhook: async (req, { services }) => ({ webhook: await services.webhooks.get(req.webhook_id) }),
  updateWebhook: async (req, { services }) => ({ webhook: await services.webhooks.update(req) }),
  deleteWebhook: async (req, { services }) => {
    await services.webhooks.delete(req.webhook_id);
    return {};
  },
  testWebhook: async (req, { services }) => ({
    result: await services.webhooks.test(req.webhook_id, req.event),
  }),
};
