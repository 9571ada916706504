// Writes the read-workload data once, straight into a SQLite file with MLflow's own schema (`mlflow db upgrade`).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { MLFLOW_BIN } from './paths.js';
import type { Size } from './sizes.js';

/** What the workloads need to know about the seeded data. */
export interface SeedInfo {
  searchExperimentId: string;
  writeExperimentId: string;
  historyRunId: string;
  bulkKey: string;
  historyKey: string;
  searchRuns: number;
}

export const SEARCH_METRICS = 20;
export const SEARCH_PARAMS = 20;
export const SEARCH_TAGS = 10;

const runId = (): string => randomUUID().replaceAll('-', '');

/** Creates dbPath with MLflow 3.18.0's schema and fills it; both servers then open copies of it as is. */
export function seedDatabase(dbPath: string, size: Size): SeedInfo {
  execFileSync(MLFLOW_BIN, ['db', 'upgrade', `sqlite:///${dbPath}`], { stdio: 'pipe' });
  const db = new Database(dbPath);
  // A throw-away file: no journal, no fsync while seeding.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const now = Date.now();
  const insertExperiment = db.prepare(
    `INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
     VALUES (?, ?, ?, 'active', ?, ?)`,
  );
  const insertRun = db.prepare(
    `INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time,
       end_time, source_version, lifecycle_stage, artifact_uri, experiment_id)
     VALUES (?, ?, 'UNKNOWN', '', '', 'bench', 'FINISHED', ?, ?, '', 'active', ?, ?)`,
  );
  const insertMetric = db.prepare(
    'INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, 0)',
  );
  const insertLatest = db.prepare(
    'INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, 0, ?)',
  );
  const insertParam = db.prepare('INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)');
  const insertTag = db.prepare('INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)');

  const addRun = (experimentId: number, name: string, t: number): string => {
    const id = runId();
    insertRun.run(id, name, t, t + 1000, `mlflow-artifacts:/${experimentId}/${id}/artifacts`, experimentId);
    insertTag.run('mlflow.runName', name, id);
    insertTag.run('mlflow.user', 'bench', id);
    return id;
  };

  let historyRunId = '';
  db.transaction(() => {
    insertExperiment.run(0, 'Default', 'mlflow-artifacts:/0', now, now);
    insertExperiment.run(1, 'bench-search', 'mlflow-artifacts:/1', now, now);
    insertExperiment.run(2, 'bench-history', 'mlflow-artifacts:/2', now, now);
    insertExperiment.run(3, 'bench-writes', 'mlflow-artifacts:/3', now, now);
    for (let r = 0; r < size.searchRuns; r++) {
      const t = now - size.searchRuns + r;
      const id = addRun(1, `run-${r}`, t);
      for (let m = 0; m < SEARCH_METRICS; m++) {
        const value = Math.random();
        insertMetric.run(`m${m}`, value, t, id, 0);
        insertLatest.run(`m${m}`, value, t, 0, id);
      }
      for (let p = 0; p < SEARCH_PARAMS; p++) insertParam.run(`p${p}`, `value-${(r + p) % 13}`, id);
      insertTag.run('t0', r % 2 === 0 ? 'even' : 'odd', id);
      for (let g = 1; g < SEARCH_TAGS; g++) insertTag.run(`t${g}`, `tag-${(r * g) % 17}`, id);
    }
    historyRunId = addRun(2, 'history', now);
    for (const [key, steps] of [
      ['bulk', size.bulkIntervalSteps],
      ['hist', size.historyPoints],
    ] as const) {
      let value = 0;
      for (let s = 0; s < steps; s++) {
        value = Math.sin(s / 1000) + s / steps;
        insertMetric.run(key, value, now + s, historyRunId, s);
      }
      insertLatest.run(key, value, now + steps - 1, steps - 1, historyRunId);
    }
  })();
  db.close();
  return {
    searchExperimentId: '1',
    writeExperimentId: '3',
    historyRunId,
    bulkKey: 'bulk',
    historyKey: 'hist',
    searchRuns: size.searchRuns,
  };
}
