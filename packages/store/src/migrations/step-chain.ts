// The migration steps from MLflow 2.9's schema (alembic acf3f17fdcc7) to 3.18.0's head, oldest first.
import type { MigrationStep } from './migration-step.js';
import { step as step867495a8f9d4 } from './steps/867495a8f9d4-add-trace-tables.js';
import { step as step5b0e9adcef9c } from './steps/5b0e9adcef9c-add-cascade-deletion-to-trace-tables-fk.js';
import { step as step4465047574b1 } from './steps/4465047574b1-increase-max-dataset-schema-size.js';
import { step as stepf5a4f2784254 } from './steps/f5a4f2784254-increase-run-tag-value-limit.js';
import { step as step0584bdc529eb } from './steps/0584bdc529eb-add-cascading-deletion-to-datasets-from-experiments.js';
import { step as step400f98739977 } from './steps/400f98739977-add-logged-model-tables.js';
import { step as step6953534de441 } from './steps/6953534de441-add-step-to-inputs-table.js';
import { step as stepbda7b8c39065 } from './steps/bda7b8c39065-increase-model-version-tag-value-limit.js';
import { step as stepcbc13b556ace } from './steps/cbc13b556ace-add-v3-trace-schema-columns.js';
import { step as step770bee3ae1dd } from './steps/770bee3ae1dd-add-assessments-table.js';
import { step as stepa1b2c3d4e5f6 } from './steps/a1b2c3d4e5f6-add-spans-table.js';
import { step as stepde4033877273 } from './steps/de4033877273-create-entity-associations.js';
import { step as step1a0cddfcaa16 } from './steps/1a0cddfcaa16-add-webhooks-and-webhook-events-tables.js';
import { step as step534353b11cbc } from './steps/534353b11cbc-add-scorer-table.js';
import { step as step71994744cf8e } from './steps/71994744cf8e-add-evaluation-datasets.js';
import { step as step3da73c924c2f } from './steps/3da73c924c2f-add-outputs-to-dataset-record.js';
import { step as stepbf29a5ff90ea } from './steps/bf29a5ff90ea-add-jobs-table.js';
import { step as step1bd49d398cd23 } from './steps/1bd49d398cd23-add-secrets-tables.js';
import { step as stepb7c8d9e0f1a2 } from './steps/b7c8d9e0f1a2-add-trace-metrics-table.js';
import { step as step5d2d30f0abce } from './steps/5d2d30f0abce-update-job-table.js';
import { step as stepc9d4e5f6a7b8 } from './steps/c9d4e5f6a7b8-add-routing-strategy-to-endpoints.js';
import { step as step2c33131f4dae } from './steps/2c33131f4dae-add-online-scoring-configs-table.js';
import { step as stepd3e4f5a6b7c8 } from './steps/d3e4f5a6b7c8-add-display-name-to-endpoint-bindings.js';
import { step as stepd0e1f2a3b4c5 } from './steps/d0e1f2a3b4c5-add-experiment-id-to-endpoints.js';
import { step as stepc8d9e0f1a2b3 } from './steps/c8d9e0f1a2b3-add-span-metrics-and-dimension-attributes.js';
import { step as step1b5f0d9ad7c1 } from './steps/1b5f0d9ad7c1-add-workspace-columns-and-catalog.js';
import { step as stepe1f2a3b4c5d6 } from './steps/e1f2a3b4c5d6-add-budget-policies-table.js';
import { step as step76601a5f987d } from './steps/76601a5f987d-add-issues-table.js';
import { step as stepc3d6457b6d8a } from './steps/c3d6457b6d8a-add-status-details-column-to-jobs-table.js';
import { step as stepa5b4c3d2e1f0 } from './steps/a5b4c3d2e1f0-add-metrics-run-key-step-index.js';
import { step as stepae8bbe7743c9 } from './steps/ae8bbe7743c9-add-guardrails-tables.js';
import { step as step7d34483879f0 } from './steps/7d34483879f0-add-model-version-tags-workspace-index.js';
import { step as stepda6fb0208061 } from './steps/da6fb0208061-add-workspaces-trace-archival-location.js';
import { step as step89d3d66ed43f } from './steps/89d3d66ed43f-add-label-schemas-table.js';
import { step as stepb7e4c1a90f23 } from './steps/b7e4c1a90f23-add-review-queue-tables.js';
import { step as stepa8b9c0d1e2f3 } from './steps/a8b9c0d1e2f3-add-mcp-server-registry-tables.js';
import { step as stepc1d2e3f4a5b6 } from './steps/c1d2e3f4a5b6-add-span-experiment-start-time-index.js';
import { step as stepc3d9e7f1a2b4 } from './steps/c3d9e7f1a2b4-add-target-value-to-budget-policies.js';
import { step as step6f8d9c3b2a1e } from './steps/6f8d9c3b2a1e-add-experiment-fk-cascades.js';
import { step as step1971f2d9a75b } from './steps/1971f2d9a75b-add-trace-archival-candidate-index.js';
import { step as step17e22815139b } from './steps/17e22815139b-increase-experiment-tag-value-limit.js';
import { step as stepb7e2c1a4d9f3 } from './steps/b7e2c1a4d9f3-add-jobs-creator.js';
import { step as step75868b020152 } from './steps/75868b020152-add-sql-trace-analytics-schema.js';
import { step as stepdc11669786a5 } from './steps/dc11669786a5-add-job-executor-persistence-model.js';
import { step as stepe7d1f4b2a9c6 } from './steps/e7d1f4b2a9c6-add-skill-registry-tables.js';
import { step as step8b6ad64cb8f5 } from './steps/8b6ad64cb8f5-extend-issue-contract.js';
import { step as stepf4a9b2c7d1e6 } from './steps/f4a9b2c7d1e6-make-mcp-versions-case-sensitive.js';

/** The revision of the oldest schema we migrate from: what MLflow 2.9's `mlflow db upgrade` stamps. */
export const OLDEST_REVISION = 'acf3f17fdcc7';

/** Each step's `downRevision` is the previous step's `revision`; the last reaches HEAD_REVISION. */
export const MIGRATION_STEPS: readonly MigrationStep[] = [
  step867495a8f9d4,
  step5b0e9adcef9c,
  step4465047574b1,
  stepf5a4f2784254,
  step0584bdc529eb,
  step400f98739977,
  step6953534de441,
  stepbda7b8c39065,
  stepcbc13b556ace,
  step770bee3ae1dd,
  stepa1b2c3d4e5f6,
  stepde4033877273,
  step1a0cddfcaa16,
  step534353b11cbc,
  step71994744cf8e,
  step3da73c924c2f,
  stepbf29a5ff90ea,
  step1bd49d398cd23,
  stepb7c8d9e0f1a2,
  step5d2d30f0abce,
  stepc9d4e5f6a7b8,
  step2c33131f4dae,
  stepd3e4f5a6b7c8,
  stepd0e1f2a3b4c5,
  stepc8d9e0f1a2b3,
  step1b5f0d9ad7c1,
  stepe1f2a3b4c5d6,
  step76601a5f987d,
  stepc3d6457b6d8a,
  stepa5b4c3d2e1f0,
  stepae8bbe7743c9,
  step7d34483879f0,
  stepda6fb0208061,
  step89d3d66ed43f,
  stepb7e4c1a90f23,
  stepa8b9c0d1e2f3,
  stepc1d2e3f4a5b6,
  stepc3d9e7f1a2b4,
  step6f8d9c3b2a1e,
  step1971f2d9a75b,
  step17e22815139b,
  stepb7e2c1a4d9f3,
  step75868b020152,
  stepdc11669786a5,
  stepe7d1f4b2a9c6,
  step8b6ad64cb8f5,
  stepf4a9b2c7d1e6,
];
