// Model registry entities as they travel on the wire (model_registry.proto): models, versions, tags, aliases.
import { Type, type Static } from '@sinclair/typebox';

export const RegisteredModelTag = Type.Object(
  { key: Type.String(), value: Type.Optional(Type.String()) },
  { description: 'A tag on a registered model' },
);
export type RegisteredModelTag = Static<typeof RegisteredModelTag>;

export const ModelVersionTag = Type.Object(
  { key: Type.String(), value: Type.Optional(Type.String()) },
  { description: 'A tag on a model version' },
);
export type ModelVersionTag = Static<typeof ModelVersionTag>;

/** An alias of a registered model; the version travels as a string. */
export const RegisteredModelAlias = Type.Object({ alias: Type.String(), version: Type.String() });
export type RegisteredModelAlias = Static<typeof RegisteredModelAlias>;

/** ModelVersionStatus, held by name; its proto numbers are 1, 2, 3 in this order. */
export const ModelVersionStatus = Type.Union([
  Type.Literal('PENDING_REGISTRATION'),
  Type.Literal('FAILED_REGISTRATION'),
  Type.Literal('READY'),
]);
export type ModelVersionStatus = Static<typeof ModelVersionStatus>;

/**
 * A model version. `version` is a decimal string on the wire; `aliases` name the model's aliases
 * that point at this version (empty inside a registered model's latest_versions, as MLflow sends).
 */
export const ModelVersion = Type.Object({
  name: Type.String(),
  version: Type.String(),
  creation_timestamp: Type.Optional(Type.Number()),
  last_updated_timestamp: Type.Optional(Type.Number()),
  user_id: Type.Optional(Type.String()),
  current_stage: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  source: Type.Optional(Type.String()),
  run_id: Type.Optional(Type.String()),
  status: Type.Optional(ModelVersionStatus),
  status_message: Type.Optional(Type.String()),
  tags: Type.Optional(Type.Array(ModelVersionTag)),
  run_link: Type.Optional(Type.String()),
  aliases: Type.Optional(Type.Array(Type.String())),
});
export type ModelVersion = Static<typeof ModelVersion>;

/** A registered model with the newest version of each stage, its tags and aliases. */
export const RegisteredModel = Type.Object({
  name: Type.String(),
  creation_timestamp: Type.Optional(Type.Number()),
  last_updated_timestamp: Type.Optional(Type.Number()),
  user_id: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  latest_versions: Type.Optional(Type.Array(ModelVersion)),
  tags: Type.Optional(Type.Array(RegisteredModelTag)),
  aliases: Type.Optional(Type.Array(RegisteredModelAlias)),
});
export type RegisteredModel = Static<typeof RegisteredModel>;
