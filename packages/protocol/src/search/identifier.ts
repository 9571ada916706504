// Turns an identifier's text (`metrics.acc`, `` tags.`a b` ``, `created`) into an entity type and key.
import { MlflowError } from '../errors.js';
import type { EntityType } from './ast.js';
import type { AttributeSpec, SearchGrammar } from './grammar.js';
import { pySet } from '../codec/python-repr.js';

export interface ResolvedKey {
  type: EntityType;
  /** The key as written, quotes and backticks removed (MLflow's messages show this form). */
  written: string;
  /** For attributes: what the key means in this search. */
  attribute?: AttributeSpec;
}

function isWrapped(value: string, quote: string): boolean {
  return value.length >= 2 && value.startsWith(quote) && value.endsWith(quote);
}

/** Removes one pair of enclosing single or double quotes; MLflow does not unescape what is inside. */
export function stripQuotes(value: string): string {
  return isWrapped(value, "'") || isWrapped(value, '"') ? value.slice(1, -1) : value;
}

export function trimBackticks(value: string): string {
  return isWrapped(value, '`') ? value.slice(1, -1) : value;
}

function entityType(grammar: SearchGrammar, written: string): EntityType {
  const name = grammar.entityTypesAsWritten ? written : trimBackticks(written);
  if (!Object.hasOwn(grammar.entityTypes, name))
    throw MlflowError.invalidParameter(grammar.invalidEntityType(name));
  return grammar.entityTypes[name] as EntityType;
}

/**
 * MLflow splits the identifier's source text at its first dot, whatever quoting surrounds it, so
 * `` tags.`a.b` `` is tag `a.b` and `metrics . x` has the entity type `metrics ` (refused). Without a
 * dot the whole text is an attribute key.
 */
export function resolveIdentifier(
  grammar: SearchGrammar,
  text: string,
  attributes: Readonly<Record<string, AttributeSpec>>,
): ResolvedKey {
  const dot = text.indexOf('.');
  const type = dot < 0 ? 'attribute' : entityType(grammar, text.slice(0, dot));
  const raw = dot < 0 ? text : text.slice(dot + 1);
  const written = trimBackticks(stripQuotes(raw));
  if (type === 'attribute') {
    const looked = grammar.attributeKeysAsWritten === true ? raw : written;
    if (!Object.hasOwn(attributes, looked)) {
      throw MlflowError.invalidParameter(
        `Invalid attribute key '${looked}' specified. Valid keys are '${pySet(Object.keys(attributes))}'`,
      );
    }
    return { type, written, attribute: attributes[written] };
  }
  if (type === 'dataset' && !grammar.datasetKeys.includes(written)) {
    throw MlflowError.invalidParameter(
      `Invalid dataset key '${written}' specified. Valid keys are '${pySet(grammar.datasetKeys)}'`,
    );
  }
  return { type, written };
}
