// The run's dataset inputs: name, digest, context, source and schema, as logged by mlflow.log_input.
import type { DatasetInput } from '@mlflow-ts/protocol';
import { EmptyState } from '../../../components/empty-state.js';

function prettyJson(text: string | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function DatasetsTab({ inputs }: { inputs: readonly DatasetInput[] }) {
  if (inputs.length === 0)
    return <EmptyState title="No datasets logged">Use mlflow.log_input to record one.</EmptyState>;
  return (
    <div className="datasets" data-testid="datasets-list">
      {inputs.map((input) => {
        const d = input.dataset;
        const context = input.tags?.find((t) => t.key === 'mlflow.data.context')?.value;
        return (
          <details className="card" key={`${d.name}:${d.digest}:${context ?? ''}`}>
            <summary className="card-header">
              <span>
                <strong>{d.name}</strong> <span className="mono muted">{d.digest}</span>
              </span>
              {context ? <span className="badge">{context}</span> : null}
            </summary>
            <div className="card-body">
              <dl className="kv">
                <dt>Source type</dt>
                <dd>{d.source_type}</dd>
                <dt>Source</dt>
                <dd className="mono">{d.source}</dd>
                {d.profile ? (
                  <>
                    <dt>Profile</dt>
                    <dd className="mono">{d.profile}</dd>
                  </>
                ) : null}
              </dl>
              {d.schema ? <pre className="preview-pre">{prettyJson(d.schema)}</pre> : null}
            </div>
          </details>
        );
      })}
    </div>
  );
}
