// The webhook endpoint table (WebhookService of webhooks.proto); `:webhook_id` comes from the URL path.
import { defineEndpoint } from '../endpoint.js';
import * as wh from './webhooks.js';
import { EmptyResponse } from './wire-types.js';

const COLLECTION = '/mlflow/webhooks';
/** MLflow's `{webhook_id}`, in the Fastify spelling the other tables use; decoding copies it into the message. */
const ITEM = '/mlflow/webhooks/:webhook_id';

export const webhookEndpoints = {
  createWebhook: defineEndpoint({
    name: 'createWebhook',
    methods: ['POST'],
    path: COLLECTION,
    since: 2,
    request: wh.CreateWebhookRequest,
    response: wh.CreateWebhookResponse,
    rules: wh.createWebhookRules,
  }),
  listWebhooks: defineEndpoint({
    name: 'listWebhooks',
    methods: ['GET'],
    path: COLLECTION,
    since: 2,
    request: wh.ListWebhooksRequest,
    response: wh.ListWebhooksResponse,
    rules: wh.listWebhooksRules,
  }),
  getWebhook: defineEndpoint({
    name: 'getWebhook',
    methods: ['GET'],
    path: ITEM,
    since: 2,
    request: wh.GetWebhookRequest,
    response: wh.GetWebhookResponse,
  }),
  updateWebhook: defineEndpoint({
    name: 'updateWebhook',
    methods: ['PATCH'],
    path: ITEM,
    since: 2,
    request: wh.UpdateWebhookRequest,
    response: wh.UpdateWebhookResponse,
    rules: wh.updateWebhookRules,
  }),
  deleteWebhook: defineEndpoint({
    name: 'deleteWebhook',
    methods: ['DELETE'],
    path: ITEM,
    since: 2,
    request: wh.DeleteWebhookRequest,
    response: EmptyResponse,
  }),
  testWebhook: defineEndpoint({
    name: 'testWebhook',
    methods: ['POST'],
    path: `${ITEM}/test`,
    since: 2,
    request: wh.TestWebhookRequest,
    response: wh.TestWebhookResponse,
  }),
};
