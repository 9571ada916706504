// Reads a clause's right-hand side as the entity type expects it, with MLflow's messages for wrong kinds.
import { MlflowError } from '../errors.js';
import type { ResolvedKey } from './identifier.js';
import type { SearchGrammar } from './grammar.js';
import { readList } from './list-value.js';
import type { Node } from './syntax.js';

export interface ClauseValue {
  value: string | number | string[];
  /** Whether a number came from a float literal (`5.0`): MLflow keeps int and float apart. */
  float: boolean;
}

const invalid = (message: string): MlflowError => MlflowError.invalidParameter(message);

export function quoted(node: Node): string {
  const text = node.text;
  const wrapped = text.length >= 2 && (text[0] === "'" || text[0] === '"') && text.endsWith(text[0]);
  if (wrapped) return text.slice(1, -1);
  throw invalid(
    `Parameter value is either not quoted or unidentified quote types used for string value ${text}. ` +
      'Use either single or double quotes.',
  );
}

function numeric(node: Node): ClauseValue | undefined {
  if (node.kind === 'integer') return { value: Number(node.text) || 0, float: false };
  if (node.kind === 'float') return { value: Number(node.text), float: true };
  return undefined;
}

const isTextual = (node: Node): boolean => node.kind === 'string' || node.kind === 'identifier';

/** MLflow's `_get_value`: the value token must suit the key (numbers, quoted strings or a list). */
export function readValue(grammar: SearchGrammar, key: ResolvedKey, node: Node): ClauseValue {
  const text = node.text;
  switch (key.type) {
    case 'metric': {
      const n = numeric(node);
      if (n) return n;
      throw invalid(`Expected numeric value type for metric. Found ${text}`);
    }
    case 'param':
    case 'tag':
      if (isTextual(node)) return { value: quoted(node), float: false };
      throw invalid(
        `Expected a quoted string value for ${grammar.typeLabels[key.type]} (e.g. 'my-value'). Got value ${text}`,
      );
    case 'attribute': {
      if (key.attribute?.kind === 'numeric') {
        const n = numeric(node);
        if (n) return n;
        throw invalid(`Expected numeric value type for numeric attribute: ${key.written}. Found ${text}`);
      }
      if (isTextual(node)) return { value: quoted(node), float: false };
      if (node.kind === 'paren') {
        if (!key.attribute?.list) {
          const keys = `[${grammar.listKeys.map((k) => `'${k}'`).join(', ')}]`;
          throw invalid(`Only ${keys} attributes support comparison with a list of quoted string values.`);
        }
        return { value: readList(text), float: false };
      }
      throw invalid(`Expected a quoted string value for attributes. Got value ${text}`);
    }
    case 'dataset':
      if (isTextual(node)) return { value: quoted(node), float: false };
      if (node.kind === 'paren') return { value: readList(text), float: false };
      throw invalid(`Expected a quoted string value for dataset attributes. Got value ${text}`);
  }
}
