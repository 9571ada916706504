// MLflow's comparator sets (SearchUtils.VALID_*_COMPARATORS), shared by the search grammars.

export const NUMERIC_COMPARATORS = ['>', '>=', '!=', '=', '<', '<='] as const;
export const STRING_ATTRIBUTE_COMPARATORS = ['!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'] as const;
export const KEY_VALUE_COMPARATORS = ['!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'] as const;
export const PLAIN_STRING_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE'] as const;
