// Word tables of the lexer: the SQL keywords and type names sqlparse knows that matter for MLflow filters.

/** Words sqlparse treats as keywords that matter to MLflow's grammar (AND, IN…) or that users try (OR, TRUE). */
export const KEYWORDS = new Set(
  (
    'AND OR NOT IN IS NULL TRUE FALSE BETWEEN EXISTS CASE WHEN THEN ELSE END AS ON SELECT FROM WHERE ' +
    'UNKNOWN ESCAPE ALL ANY SOME USING VALUES JOIN BY ORDER GROUP HAVING LIMIT OFFSET UNION DISTINCT ' +
    'INTO SET UPDATE DELETE INSERT CREATE DROP TABLE ISNULL NOTNULL DAY HOUR MINUTE MONTH SECOND YEAR'
  ).split(' '),
);
/** sqlparse's Name.Builtin words: bare, they are neither identifiers nor values (`timestamp > 1` is refused). */
export const BUILTINS = new Set(
  (
    'ARRAY BIGINT BIGNUMERIC BINARY BIT BLOB BOOLEAN CHAR DATE DEC DECIMAL FILE_TYPE FLOAT INT INT8 INTEGER ' +
    'INTERVAL LONG MAP NATURALN NUMBER NUMERIC NVARCHAR PLS_INTEGER POSITIVE POSITIVEN REAL ROWID ROWLABEL ' +
    'ROWNUM SERIAL SERIAL8 SIGNED SIGNTYPE SIMPLE_DOUBLE SIMPLE_FLOAT SIMPLE_INTEGER SMALLINT STRING STRUCT ' +
    'SYS_REFCURSOR TEXT TIMESTAMP TINYINT UNSIGNED UROWID UTL_FILE VARCHAR VARCHAR2 VARIANT VARYING'
  ).split(' '),
);
/** Matched before any name rule, so they stay keywords even next to a dot (`tags.in` is not a key). */
export const RESERVED_ANYWHERE = ['CASE', 'IN', 'VALUES', 'USING', 'FROM', 'AS'];
/** sqlparse's JSON operators, tried in its order before the generic operator runs. */
export const JSON_OPERATORS = ['->>', '->', '#>>', '#>', '@>', '<@', '-', '#-'];
