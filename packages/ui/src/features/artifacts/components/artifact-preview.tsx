// Preview of one artifact: text and logs, JSON (pretty), YAML and MLmodel, images, CSV/TSV as a table.
import type { FileInfo } from '@mlflow-ts/protocol';
import { artifactUrl } from '../../../api/rest.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { formatBytes } from '../../../lib/format.js';
import { useArtifactTextQuery } from '../hooks/use-artifacts.js';
import { parseDelimited } from '../lib/parse-delimited.js';
import { PREVIEW_MAX_BYTES, previewKind, type PreviewKind } from '../lib/preview-kind.js';

export function ArtifactPreview({ runId, file }: { runId: string; file: FileInfo }) {
  const kind = previewKind(file.path);
  const tooLarge = (file.file_size ?? 0) > PREVIEW_MAX_BYTES;
  const textual = kind !== 'image' && kind !== 'none' && !tooLarge;
  const text = useArtifactTextQuery(runId, file.path, textual);
  const url = artifactUrl(runId, file.path);
  return (
    <div className="preview" data-testid="artifact-preview" data-kind={kind}>
      <div className="card-header">
        <span className="mono preview-path">{file.path}</span>
        <span className="muted">{formatBytes(file.file_size)}</span>
        <a className="btn btn-small" href={url} download={file.path.slice(file.path.lastIndexOf('/') + 1)}>
          Download
        </a>
      </div>
      <div className="preview-body">
        {kind === 'image' ? (
          <img className="preview-image" src={url} alt={file.path} />
        ) : kind === 'none' ? (
          <div className="muted">No preview for this file type; download it to open it.</div>
        ) : tooLarge ? (
          <div className="muted">
            This file is {formatBytes(file.file_size)}, too large to preview here; download it instead.
          </div>
        ) : text.isLoading ? (
          <Loading />
        ) : text.error ? (
          <ErrorBanner error={text.error} title="Could not read the file" />
        ) : (
          <TextPreview
            kind={kind}
            text={text.data ?? ''}
            delimiter={file.path.toLowerCase().endsWith('.tsv') ? '\t' : ','}
          />
        )}
      </div>
    </div>
  );
}

function TextPreview({ kind, text, delimiter }: { kind: PreviewKind; text: string; delimiter: ',' | '\t' }) {
  if (kind === 'json') {
    let pretty = text;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not valid JSON: show it as written.
    }
    return <pre className="preview-pre">{pretty}</pre>;
  }
  if (kind === 'table') {
    const table = parseDelimited(text, delimiter);
    const [head = [], ...body] = table.rows;
    return (
      <div className="preview-table-wrap">
        <table className="table preview-table" data-testid="csv-table">
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {table.truncated ? <div className="muted">First {table.rows.length} rows shown.</div> : null}
      </div>
    );
  }
  return <pre className={`preview-pre${kind === 'yaml' ? ' preview-yaml' : ''}`}>{text}</pre>;
}
