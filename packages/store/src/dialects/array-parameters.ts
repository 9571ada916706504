// Databases whose driver binds a JS array as one SQL array parameter (PostgreSQL's), so many rows can travel as a few arrays.
import type { Kysely } from 'kysely';

const marked = new WeakSet<Kysely<never>>();

/** Records that `db` binds arrays as SQL arrays and has unnest() (called once, when it is opened). */
export function markArrayParameters<DB>(db: Kysely<DB>): void {
  marked.add(db as unknown as Kysely<never>);
}

export function takesArrayParameters<DB>(db: Kysely<DB>): boolean {
  return marked.has(db as unknown as Kysely<never>);
}
