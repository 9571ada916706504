// A source naming another registered version (models:/name/…) is pinned to that version's number and run.
import { ErrorCode, MlflowError, parseModelsUri, type ModelVersion } from '@mlflow-ts/protocol';
import type { RegistryStore } from '@mlflow-ts/store';
import { IS_PROMPT_TAG_KEY } from './webhook-events.js';
import { pyUrl } from './python-url.js';

export interface LineageInput {
  source: string;
  /** undefined = not sent. */
  runId?: string;
  modelId?: string;
}

export interface Lineage {
  source: string;
  runId?: string;
  modelId?: string;
}

const invalidSource = (source: string, why: string): MlflowError =>
  MlflowError.invalidParameter(`Invalid model version source: '${source}'. ${why}`);

async function referencedVersion(
  registry: RegistryStore,
  source: string,
  name: string,
  parsed: NonNullable<ReturnType<typeof parseModelsUri>>,
): Promise<ModelVersion> {
  if (parsed.version !== undefined) return registry.getModelVersion(name, parsed.version);
  if (parsed.alias !== undefined) return registry.getModelVersionByAlias(name, parsed.alias);
  const latest = await registry.getLatestVersions(name, parsed.stage === undefined ? [] : [parsed.stage]);
  if (latest.length === 0) {
    const stage = parsed.stage === undefined ? '' : ` and stage '${parsed.stage}'`;
    throw new MlflowError(ErrorCode.INTERNAL_ERROR, `No versions of model with name '${name}'${stage} found`);
  }
  const highest = Math.max(...latest.map((v) => Number(v.version)));
  return registry.getModelVersion(name, String(highest));
}

/**
 * MLflow's _resolve_registered_model_source_lineage. Fields not sent read as '' (the proto default)
 * when passed on, as MLflow's handler passes them.
 */
export async function resolveLineage(registry: RegistryStore, input: LineageInput): Promise<Lineage> {
  const { source } = input;
  const runId = input.runId ?? '';
  const modelId = input.modelId ?? '';
  const url = pyUrl(source);
  if (url.scheme !== 'models') return { source, runId, modelId };
  if (url.netloc) throw invalidSource(source, 'Registered model sources must use the active model registry.');
  const parsed = parseModelsUri(source);
  if (parsed === undefined) {
    throw invalidSource(
      source,
      'The model_id request parameter must identify the resource that contains the source.',
    );
  }
  if (parsed.modelId !== undefined) return { source, runId, modelId };
  const name = parsed.name ?? '';
  const rm = await registry.getRegisteredModel(name);
  if ((rm.tags?.find((t) => t.key === IS_PROMPT_TAG_KEY)?.value ?? 'false').toLowerCase() === 'true') {
    throw invalidSource(source, 'Prompt versions cannot be used as model version sources.');
  }
  const mv = await referencedVersion(registry, source, name, parsed);
  if (input.runId !== undefined && runId !== (mv.run_id ?? '')) {
    throw invalidSource(
      source,
      'The run_id and model_id request parameters must match the referenced model version.',
    );
  }
  // The SQL store keeps no model id on versions, so a sent model_id can only match an empty one.
  if (input.modelId !== undefined && modelId !== '') {
    throw invalidSource(
      source,
      'The run_id and model_id request parameters must match the referenced model version.',
    );
  }
  return {
    source: `models:/${name}/${mv.version}`,
    runId: input.runId !== undefined ? runId : mv.run_id,
    modelId: input.modelId !== undefined ? modelId : undefined,
  };
}
