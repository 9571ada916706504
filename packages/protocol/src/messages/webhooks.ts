// Webhook RPC messages (webhooks.proto) and the request schemas MLflow's webhook handlers apply.
import { Type, type Static } from '@sinclair/typebox';
import { registerEnumNumbers } from '../codec/message-plan.js';
import { isArray, isIntlike, isString, required, type RequestRules } from '../codec/rules.js';
import { int64 } from './wire-types.js';

const literals = <T extends string>(names: readonly T[]) => names.map((n) => Type.Literal(n));

/** proto WebhookStatus: ACTIVE = 1, DISABLED = 2 (no zero value, so an unset status reads ACTIVE). */
export const WEBHOOK_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export const WebhookStatus = Type.Union(literals(WEBHOOK_STATUSES));
export type WebhookStatus = Static<typeof WebhookStatus>;

/** proto WebhookEntity, numbered from ENTITY_UNSPECIFIED = 0. */
export const WEBHOOK_ENTITIES = [
  'ENTITY_UNSPECIFIED',
  'REGISTERED_MODEL',
  'MODEL_VERSION',
  'MODEL_VERSION_TAG',
  'MODEL_VERSION_ALIAS',
  'PROMPT',
  'PROMPT_VERSION',
  'PROMPT_TAG',
  'PROMPT_VERSION_TAG',
  'PROMPT_ALIAS',
  'BUDGET_POLICY',
] as const;
export const WebhookEntity = Type.Union(literals(WEBHOOK_ENTITIES));
export type WebhookEntity = Static<typeof WebhookEntity>;

/** proto WebhookAction, numbered from ACTION_UNSPECIFIED = 0. */
export const WEBHOOK_ACTIONS = [
  'ACTION_UNSPECIFIED',
  'CREATED',
  'UPDATED',
  'DELETED',
  'SET',
  'EXCEEDED',
] as const;
export const WebhookAction = Type.Union(literals(WEBHOOK_ACTIONS));
export type WebhookAction = Static<typeof WebhookAction>;

// Both enums start at 0, not at the 1 the request parser assumes by default.
registerEnumNumbers(
  WEBHOOK_ENTITIES,
  WEBHOOK_ENTITIES.map((_n, i) => i),
);
registerEnumNumbers(
  WEBHOOK_ACTIONS,
  WEBHOOK_ACTIONS.map((_n, i) => i),
);

export const WebhookEvent = Type.Object({ entity: WebhookEntity, action: WebhookAction });
export type WebhookEvent = Static<typeof WebhookEvent>;

export const Webhook = Type.Object({
  webhook_id: Type.String(),
  name: Type.String(),
  /** Left out when empty, as MLflow's to_proto only sets a truthy description. */
  description: Type.Optional(Type.String()),
  url: Type.String(),
  events: Type.Array(WebhookEvent),
  status: WebhookStatus,
  creation_timestamp: int64(),
  last_updated_timestamp: int64(),
});
export type Webhook = Static<typeof Webhook>;

export const WebhookTestResult = Type.Object({
  success: Type.Boolean(),
  response_status: Type.Optional(int64()),
  response_body: Type.Optional(Type.String()),
  error_message: Type.Optional(Type.String()),
});
export type WebhookTestResult = Static<typeof WebhookTestResult>;

const WebhookResponse = () => Type.Object({ webhook: Webhook });

export const CreateWebhookRequest = Type.Object({
  name: Type.String(),
  description: Type.String(),
  url: Type.String(),
  events: Type.Array(WebhookEvent),
  secret: Type.String(),
  status: WebhookStatus,
});
export type CreateWebhookRequest = Static<typeof CreateWebhookRequest>;
export const CreateWebhookResponse = WebhookResponse();
export type CreateWebhookResponse = Static<typeof CreateWebhookResponse>;
export const createWebhookRules: RequestRules = {
  name: [isString, required],
  url: [isString, required],
  events: [isArray, required],
  description: [isString],
  secret: [isString],
  status: [isString],
};

/** max_results reads 0 when absent; the service turns 0 into MLflow's default of 100. */
export const ListWebhooksRequest = Type.Object({ max_results: int64(), page_token: Type.String() });
export type ListWebhooksRequest = Static<typeof ListWebhooksRequest>;
export const ListWebhooksResponse = Type.Object({
  webhooks: Type.Optional(Type.Array(Webhook)),
  next_page_token: Type.Optional(Type.String()),
});
export type ListWebhooksResponse = Static<typeof ListWebhooksResponse>;
export const listWebhooksRules: RequestRules = { max_results: [isIntlike], page_token: [isString] };

/** get, delete: MLflow's handlers read only the id from the URL path. */
export const GetWebhookRequest = Type.Object({ webhook_id: Type.String() });
export type GetWebhookRequest = Static<typeof GetWebhookRequest>;
export const GetWebhookResponse = WebhookResponse();
export type GetWebhookResponse = Static<typeof GetWebhookResponse>;

export const DeleteWebhookRequest = Type.Object({ webhook_id: Type.String() });
export type DeleteWebhookRequest = Static<typeof DeleteWebhookRequest>;

/** Fields MLflow reads with HasField (description, secret, status) are optional here. */
export const UpdateWebhookRequest = Type.Object({
  webhook_id: Type.String(),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  url: Type.String(),
  events: Type.Array(WebhookEvent),
  secret: Type.Optional(Type.String()),
  status: Type.Optional(WebhookStatus),
});
export type UpdateWebhookRequest = Static<typeof UpdateWebhookRequest>;
export const UpdateWebhookResponse = WebhookResponse();
export type UpdateWebhookResponse = Static<typeof UpdateWebhookResponse>;
export const updateWebhookRules: RequestRules = {
  name: [isString],
  description: [isString],
  url: [isString],
  events: [isArray],
  secret: [isString],
  status: [isString],
};

export const TestWebhookRequest = Type.Object({
  webhook_id: Type.String(),
  event: Type.Optional(WebhookEvent),
});
export type TestWebhookRequest = Static<typeof TestWebhookRequest>;
export const TestWebhookResponse = Type.Object({ result: WebhookTestResult });
export type TestWebhookResponse = Static<typeof TestWebhookResponse>;
