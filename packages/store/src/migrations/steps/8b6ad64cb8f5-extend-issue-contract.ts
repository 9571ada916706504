// 8b6ad64cb8f5: issues gain last_seen_timestamp (from created_timestamp), last_updated_by and metadata; each
// issue's JSON `categories` list is copied into the new issue_categories table, one row per distinct category.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { MigrationStep, StepContext } from '../migration-step.js';

/** Issues read per round, so a large table never sits in memory at once. */
const BATCH = 500;

/** Categories that differ only in case or surrounding blanks are one; the last spelling is kept. */
function categoryRows(issueId: string, categoriesJson: string) {
  const byHash = new Map<string, string>();
  for (const category of JSON.parse(categoriesJson) as string[]) {
    const hash = createHash('sha256').update(category.trim().toLowerCase(), 'utf8').digest('hex');
    byHash.set(hash, category);
  }
  return [...byHash].map(([hash, category]) => ({ issue_id: issueId, category_hash: hash, category }));
}

async function copyCategories(step: StepContext): Promise<void> {
  let after = '';
  for (;;) {
    const issues = await step.tx
      .selectFrom('issues')
      .select(['issue_id', 'categories'])
      .where('categories', 'is not', null)
      .where('issue_id', '>', after)
      .orderBy('issue_id')
      .limit(BATCH)
      .execute();
    if (issues.length === 0) return;
    const rows = issues.flatMap((i) => categoryRows(String(i.issue_id), String(i.categories)));
    // Three parameters a row: chunks stay far below every database's bind-parameter limit.
    for (let i = 0; i < rows.length; i += BATCH) {
      await step.tx
        .insertInto('issue_categories')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
    after = String(issues[issues.length - 1]?.issue_id);
  }
}

export const step: MigrationStep = {
  revision: '8b6ad64cb8f5',
  downRevision: 'e7d1f4b2a9c6',
  description: 'issues gain last-seen, metadata and a categories table',
  async up(step) {
    await step.script();
    await sql`UPDATE issues SET last_seen_timestamp = created_timestamp`.execute(step.tx);
    await copyCategories(step);
  },
};
