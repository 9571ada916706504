// The tokens of the search-filter lexer; kinds follow the sqlparse token types MLflow's parser relies on.

/**
 * - `name`: a bare word that is not a keyword, a `backtick` or [bracket] name (sqlparse Name)
 * - `symbol`: a double-quoted word (sqlparse String.Symbol; MLflow reads it as a quoted key or value)
 * - `string`: a single-quoted literal (String.Single)
 * - `integer` / `float`: numeric literals (`-1`, `.5`, `1e-3`); `hex` is lexed apart because MLflow rejects it
 * - `builtin`: a bare type name such as TIMESTAMP or TEXT (sqlparse Name.Builtin: neither key nor value)
 * - `keyword`: AND, OR, NOT, IN, IS, NULL, ASC/DESC, `NOT NULL`… (`upper` holds the normalised text)
 * - `comparator`: `=`, `!=`, `<>`, `>=`, LIKE, `NOT ILIKE`, REGEXP…
 * - `operator`: arithmetic and JSON operators, `*`
 * - `placeholder`: `?`, `%s`, `:name`
 * - `punctuation`: `( ) , . ; : [ ]`
 * - `comment`, `whitespace`, and `other` for anything else (an unclosed quote, `\cmd`, `::`)
 */
export type TokenKind =
  | 'name'
  | 'symbol'
  | 'string'
  | 'integer'
  | 'float'
  | 'hex'
  | 'builtin'
  | 'keyword'
  | 'comparator'
  | 'operator'
  | 'placeholder'
  | 'punctuation'
  | 'comment'
  | 'whitespace'
  | 'other';

export interface Token {
  kind: TokenKind;
  /** The exact source text. */
  text: string;
  /** Offset of the first character in the filter string. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** Upper-cased text with runs of whitespace kept as written; set for keywords and comparisons. */
  upper?: string;
}
