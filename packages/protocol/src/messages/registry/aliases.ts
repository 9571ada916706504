// Registered-model alias RPC messages: set, delete, and get the version an alias points at.
import { Type, type Static } from '@sinclair/typebox';
import { isString, required, type RequestRules } from '../../codec/rules.js';
import { ModelVersion } from './entities.js';

export const SetRegisteredModelAliasRequest = Type.Object({
  name: Type.String(),
  alias: Type.String(),
  version: Type.String(),
});
export type SetRegisteredModelAliasRequest = Static<typeof SetRegisteredModelAliasRequest>;
export const setRegisteredModelAliasRules: RequestRules = {
  name: [isString, required],
  alias: [isString, required],
  version: [isString, required],
};

/** The request of delete-alias and get-by-alias. */
export const RegisteredModelAliasRequest = Type.Object({ name: Type.String(), alias: Type.String() });
export type RegisteredModelAliasRequest = Static<typeof RegisteredModelAliasRequest>;
export const registeredModelAliasRules: RequestRules = {
  name: [isString, required],
  alias: [isString, required],
};

export const GetModelVersionByAliasResponse = Type.Object({ model_version: ModelVersion });
export type GetModelVersionByAliasResponse = Static<typeof GetModelVersionByAliasResponse>;
