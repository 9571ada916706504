// The descriptor that tells the shared parser what one MLflow search accepts; one instance per search kind.
import type { EntityType } from './ast.js';
import type { ResolvedKey } from './identifier.js';
import type { Node } from './syntax.js';
import type { ClauseValue } from './value.js';

/** A comparator rule MLflow's store applies after parsing, with the message it raises. */
export interface ComparatorCheck {
  allowed: readonly string[];
  message(comparator: string): string;
}

export interface AttributeSpec {
  /** The key the AST carries (aliases such as `created` point at `start_time`). */
  canonical: string;
  kind: 'string' | 'numeric';
  /** Whether `IN (…)` / `NOT IN (…)` lists are accepted. */
  list?: boolean;
  /** Comparator rules for this key, replacing the grammar's rules for its kind. */
  checks?: readonly ComparatorCheck[];
  /**
   * `integer`: a numeric value must be whole; `experiment-id`: each string must be an integer id;
   * `python-int`: Python's int() of the value (numbers or numeric text) must succeed, floats refused.
   */
  coerce?: 'integer' | 'experiment-id' | 'python-int';
}

/** Which comparator-rule group a clause falls in. */
export type CheckGroup = 'metric' | 'param' | 'tag' | 'dataset' | 'string' | 'numeric';

export interface SearchGrammar {
  /** Entity-type spellings accepted before the first dot, and what each means. */
  entityTypes: Readonly<Record<string, EntityType>>;
  /** search_experiments matches the spelling as written; search_runs trims backticks first. */
  entityTypesAsWritten: boolean;
  invalidEntityType(written: string): string;
  /** MLflow's own name for each type in messages (`parameter` for params). */
  typeLabels: Readonly<Record<EntityType, string>>;
  /**
   * The registry searches look the attribute key up before removing its quotes, so `"name"` is
   * refused there (and named with its quotes).
   */
  attributeKeysAsWritten?: boolean;
  /** Attribute keys as a filter may write them, aliases included. */
  filterAttributes: Readonly<Record<string, AttributeSpec>>;
  /** Attribute keys order_by accepts. */
  orderByAttributes: Readonly<Record<string, AttributeSpec>>;
  datasetKeys: readonly string[];
  /** The keys named in "Only [...] attributes support comparison with a list…". */
  listKeys: readonly string[];
  /** How MLflow prints the tokens it could not place (runs quote them, experiments do not). */
  invalidClauses(texts: readonly string[]): string;
  nullCheck: { types: readonly EntityType[]; message(typeLabel: string, key: string): string };
  /** A search that takes no IS NULL at all refuses it with this message, before reading the key. */
  rejectNullChecks?: string;
  /** A search whose value rules differ from the shared ones (the registry's) reads values itself. */
  readValue?(key: ResolvedKey, node: Node): ClauseValue;
  checks: Readonly<Partial<Record<CheckGroup, readonly ComparatorCheck[]>>>;
  orderBy: {
    types: readonly EntityType[];
    invalidType(typeLabel: string): string;
    /** search_runs refuses the same (type, key) twice with an INTERNAL_ERROR. */
    rejectDuplicates: boolean;
  };
}
