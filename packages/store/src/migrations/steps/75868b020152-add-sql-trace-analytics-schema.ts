// 75868b020152: trace analytics columns on trace_info, spans and assessments, filled from the legacy tags,
// metadata, metrics and span attributes (which are then removed), plus the daily rollup tables.
import { sql } from 'kysely';
import type { MigrationStep, StepContext } from '../migration-step.js';
import {
  assessmentAggregate,
  boundedString,
  COST_KEYS,
  COST_METADATA,
  finiteFloat,
  GATEWAY_ENDPOINT_METADATA,
  MODEL_DIMENSION_MAX,
  SESSION_METADATA,
  spanDimensions,
  SPAN_MODEL_ATTRIBUTE,
  SPAN_PROVIDER_ATTRIBUTE,
  TOKEN_KEYS,
  TOKEN_USAGE_METADATA,
  tokenCount,
  TRACE_NAME_MAX,
  TRACE_NAME_TAG,
  traceAnalytics,
} from './trace-analytics-values.js';

/** Rows read per round: keeps memory flat and IN lists short on every database. */
const BATCH = 250;

type Row = Record<string, unknown>;

/** Spans and assessments must all belong to a trace: their new columns are copied from it. */
async function checkTraceReferences(step: StepContext): Promise<void> {
  for (const table of ['spans', 'assessments'] as const) {
    const orphan = await step.tx
      .selectFrom(`${table} as c`)
      .leftJoin('trace_info as t', 't.request_id', 'c.trace_id')
      .select('c.trace_id')
      .where('t.request_id', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (orphan) {
      throw new Error(
        `Cannot backfill trace analytics: a ${table} row references the missing trace ${String(orphan.trace_id)}`,
      );
    }
  }
}

/** Pages spans in (trace_id, span_id) order; `where` narrows which spans are read. */
async function* spanPages(step: StepContext, columns: string[], onlyWithDimensions: boolean) {
  let after: [string, string] | undefined;
  for (;;) {
    let query = step.tx.selectFrom('spans').select(['trace_id', 'span_id', ...columns]);
    if (onlyWithDimensions) query = query.where('dimension_attributes', 'is not', null);
    if (after) {
      const [traceId, spanId] = after;
      query = query.where((eb) =>
        eb.or([
          eb('trace_id', '>', traceId),
          eb.and([eb('trace_id', '=', traceId), eb('span_id', '>', spanId)]),
        ]),
      );
    }
    const rows: Row[] = await query.orderBy('trace_id').orderBy('span_id').limit(BATCH).execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1] ?? {};
    after = [String(last.trace_id), String(last.span_id)];
  }
}

/** Fails before any change when a span's legacy attributes hold something the new columns cannot keep. */
async function checkSpanDimensions(step: StepContext): Promise<void> {
  for await (const rows of spanPages(step, ['dimension_attributes'], true)) {
    for (const row of rows)
      spanDimensions(row.dimension_attributes, `${String(row.trace_id)}/${String(row.span_id)}`);
  }
}

async function backfillTraces(step: StepContext): Promise<void> {
  let after = '';
  for (;;) {
    const traces = await step.tx
      .selectFrom('trace_info')
      .select('request_id')
      .where('request_id', '>', after)
      .orderBy('request_id')
      .limit(BATCH)
      .execute();
    if (traces.length === 0) return;
    const ids = traces.map((t) => String(t.request_id));
    const names = new Map<string, string>();
    for (const tag of await step.tx
      .selectFrom('trace_tags')
      .select(['request_id', 'value'])
      .where('request_id', 'in', ids)
      .where('key', '=', TRACE_NAME_TAG)
      .execute()) {
      names.set(String(tag.request_id), tag.value as string);
    }
    const metadata = new Map<string, Map<string, string>>();
    for (const m of await step.tx
      .selectFrom('trace_request_metadata')
      .select(['request_id', 'key', 'value'])
      .where('request_id', 'in', ids)
      .where('key', 'in', [SESSION_METADATA, TOKEN_USAGE_METADATA, COST_METADATA])
      .execute()) {
      const id = String(m.request_id);
      metadata.set(id, (metadata.get(id) ?? new Map<string, string>()).set(String(m.key), m.value as string));
    }
    const tokens = new Map<string, Map<string, number | string | null>>();
    for (const m of await step.tx
      .selectFrom('trace_metrics')
      .select(['request_id', 'key', 'value'])
      .where('request_id', 'in', ids)
      .where('key', 'in', [...TOKEN_KEYS])
      .execute()) {
      const id = String(m.request_id);
      const map = tokens.get(id) ?? new Map<string, number | string | null>();
      tokens.set(id, map.set(String(m.key), tokenCount(m.value === null ? null : Number(m.value))));
    }
    for (const id of ids) {
      const values = {
        trace_name: boundedString(names.get(id), TRACE_NAME_MAX),
        ...traceAnalytics(metadata.get(id) ?? new Map(), tokens.get(id) ?? new Map()),
      };
      // The columns were just added (all NULL): only traces with something to record are written.
      if (Object.values(values).every((v) => v === null)) continue;
      await step.tx.updateTable('trace_info').set(values).where('request_id', '=', id).execute();
    }
    after = ids[ids.length - 1] ?? after;
  }
}

async function backfillSpans(step: StepContext): Promise<void> {
  for await (const rows of spanPages(step, ['dimension_attributes'], false)) {
    const traceIds = [...new Set(rows.map((r) => String(r.trace_id)))];
    const costs = new Map<string, Map<string, number | null>>();
    for (const m of await step.tx
      .selectFrom('span_metrics')
      .select(['trace_id', 'span_id', 'key', 'value'])
      .where('trace_id', 'in', traceIds)
      .where('key', 'in', [...COST_KEYS])
      .execute()) {
      const span = `${String(m.trace_id)}\u0000${String(m.span_id)}`;
      costs.set(
        span,
        (costs.get(span) ?? new Map()).set(
          String(m.key),
          finiteFloat(m.value === null ? null : Number(m.value)),
        ),
      );
    }
    for (const row of rows) {
      const span = `${String(row.trace_id)}\u0000${String(row.span_id)}`;
      const dimensions = spanDimensions(
        row.dimension_attributes,
        `${String(row.trace_id)}/${String(row.span_id)}`,
      );
      const cost = costs.get(span);
      const values = {
        input_cost: cost?.get('input_cost') ?? null,
        output_cost: cost?.get('output_cost') ?? null,
        total_cost: cost?.get('total_cost') ?? null,
        model_name: boundedString(dimensions[SPAN_MODEL_ATTRIBUTE], MODEL_DIMENSION_MAX),
        model_provider: boundedString(dimensions[SPAN_PROVIDER_ATTRIBUTE], MODEL_DIMENSION_MAX),
      };
      if (Object.values(values).every((v) => v === null)) continue;
      await step.tx
        .updateTable('spans')
        .set(values)
        .where('trace_id', '=', row.trace_id)
        .where('span_id', '=', row.span_id)
        .execute();
    }
  }
}

/** Gateway traces without a recorded cost take the sum of their spans' costs. */
async function backfillGatewayTraceCosts(step: StepContext): Promise<void> {
  const spanTotal = sql`(SELECT SUM(spans.total_cost) FROM spans WHERE spans.trace_id = trace_info.request_id)`;
  await sql`UPDATE trace_info SET total_cost = ${spanTotal}
             WHERE trace_info.total_cost IS NULL AND ${spanTotal} IS NOT NULL
               AND EXISTS (SELECT 1 FROM trace_request_metadata m
                            WHERE m.request_id = trace_info.request_id
                              AND m.${sql.ref('key')} = ${GATEWAY_ENDPOINT_METADATA})`.execute(step.tx);
}

/** Assessments copy their trace's experiment and timestamp, and get a numeric aggregate of their value. */
async function backfillAssessments(step: StepContext): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await step.tx
      .selectFrom('assessments as a')
      .innerJoin('trace_info as t', 't.request_id', 'a.trace_id')
      .select(['a.assessment_id', 'a.value', 't.experiment_id', 't.timestamp_ms'])
      .where('a.assessment_id', '>', after)
      .orderBy('a.assessment_id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      const aggregate = assessmentAggregate(row.value);
      await step.tx
        .updateTable('assessments')
        .set({
          experiment_id: row.experiment_id,
          trace_timestamp_ms: row.timestamp_ms,
          aggregate_value: aggregate.value,
          // SQLite binds no booleans; 0/1 is what MySQL stores too.
          is_numeric_value: step.dialect === 'postgres' ? aggregate.numeric : Number(aggregate.numeric),
        })
        .where('assessment_id', '=', row.assessment_id)
        .execute();
    }
    after = String(rows[rows.length - 1]?.assessment_id);
  }
}

/** is_numeric_value becomes NOT NULL next: every assessment must have its values by now. */
async function checkAssessmentsFilled(step: StepContext): Promise<void> {
  const missing = await step.tx
    .selectFrom('assessments')
    .select('assessment_id')
    .where((eb) =>
      eb.or([
        eb('experiment_id', 'is', null),
        eb('trace_timestamp_ms', 'is', null),
        eb('is_numeric_value', 'is', null),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  if (missing) {
    throw new Error(
      `Trace analytics backfill left assessment ${String(missing.assessment_id)} without its values`,
    );
  }
}

/** The legacy rows now live in columns; keeping them would count them twice. */
async function removeLegacyRows(step: StepContext): Promise<void> {
  await step.tx.deleteFrom('trace_tags').where('key', '=', TRACE_NAME_TAG).execute();
  await step.tx
    .deleteFrom('trace_request_metadata')
    .where('key', 'in', [SESSION_METADATA, TOKEN_USAGE_METADATA, COST_METADATA])
    .execute();
  await step.tx
    .deleteFrom('trace_metrics')
    .where('key', 'in', [...TOKEN_KEYS])
    .execute();
  await step.tx
    .deleteFrom('span_metrics')
    .where('key', 'in', [...COST_KEYS])
    .execute();
}

export const step: MigrationStep = {
  revision: '75868b020152',
  downRevision: 'b7e2c1a4d9f3',
  description: 'trace analytics columns, backfill and daily rollup tables',
  async up(step) {
    await checkTraceReferences(step);
    await checkSpanDimensions(step);
    await step.script('columns');
    await backfillTraces(step);
    await backfillSpans(step);
    await backfillGatewayTraceCosts(step);
    await backfillAssessments(step);
    await checkAssessmentsFilled(step);
    await step.script('tighten');
    await removeLegacyRows(step);
    await step.script('finish');
  },
};
