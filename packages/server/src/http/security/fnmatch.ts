// Shell-style glob matching with the semantics of Python's fnmatch on POSIX (case-sensitive).
const cache = new Map<string, RegExp>();

function escapeLiteral(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

/** Translates one `[...]` class body; Python's `!` negation becomes `^`, other syntax is kept literal. */
function translateClass(body: string): string {
  if (body === '') return '(?!)';
  if (body === '!') return '.';
  let negate = false;
  let rest = body;
  if (rest.startsWith('!')) {
    negate = true;
    rest = rest.slice(1);
  }
  // Backslashes and brackets are literal in a glob class; '^' is literal unless it is our negation.
  const escaped = rest.replace(/[\\\]^[]/g, (c) => `\\${c}`);
  return `[${negate ? '^' : ''}${escaped}]`;
}

/** Converts a glob (`*`, `?`, `[seq]`, `[!seq]`) into an anchored RegExp source. */
export function globToRegExpSource(pattern: string): string {
  let out = '';
  let i = 0;
  const n = pattern.length;
  while (i < n) {
    const c = pattern.charAt(i);
    i += 1;
    if (c === '*') {
      if (!out.endsWith('.*')) out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[') {
      let j = i;
      if (j < n && pattern.charAt(j) === '!') j += 1;
      if (j < n && pattern.charAt(j) === ']') j += 1;
      while (j < n && pattern.charAt(j) !== ']') j += 1;
      if (j >= n) {
        out += '\\[';
      } else {
        out += translateClass(pattern.slice(i, j));
        i = j + 1;
      }
    } else {
      out += escapeLiteral(c);
    }
  }
  return `^${out}$`;
}

/** True when `name` matches the glob `pattern` as Python's `fnmatch.fnmatch` decides on Linux. */
export function fnmatch(name: string, pattern: string): boolean {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(globToRegExpSource(pattern), 's');
    } catch {
      // A class such as [z-a] is invalid in JS; Python drops such ranges, leaving nothing to match.
      re = /(?!)/;
    }
    cache.set(pattern, re);
  }
  return re.test(name);
}
