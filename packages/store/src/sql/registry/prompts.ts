// The tag that marks a registered model (or version) as a prompt, and how searches treat it.
import type { Filter } from '@mlflow-ts/protocol';

export const IS_PROMPT_TAG_KEY = 'mlflow.prompt.is_prompt';

/**
 * Searches leave prompts out unless the filter asks for them: the first clause on the prompt tag
 * decides, and only `= 'true'` or `!= 'false'` (any case) ask for prompts.
 */
export function isQueryingPrompts(filter: Filter): boolean {
  const clause = filter.find((c) => c.type === 'tag' && c.key === IS_PROMPT_TAG_KEY);
  if (clause === undefined) return false;
  const value = String(clause.value).toLowerCase();
  return (clause.comparator === '=' && value === 'true') || (clause.comparator === '!=' && value === 'false');
}
