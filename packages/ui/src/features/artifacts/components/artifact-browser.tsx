// The artifact browser of a run: the tree on the left, the chosen file's preview on the right (?path= in the URL).
import type { FileInfo } from '@mlflow-ts/protocol';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state.js';
import { useArtifactListQuery } from '../hooks/use-artifacts.js';
import { ArtifactPreview } from './artifact-preview.js';
import { ArtifactTree } from './artifact-tree.js';
import './artifacts.css';

export function ArtifactBrowser({ runId }: { runId: string }) {
  const [params, setParams] = useSearchParams();
  const selected = params.get('path') ?? '';
  const root = useArtifactListQuery(runId, '');
  const parentDir = selected.includes('/') ? selected.slice(0, selected.lastIndexOf('/')) : '';
  const siblings = useArtifactListQuery(runId, parentDir, selected !== '');
  const file: FileInfo | undefined = siblings.data?.find((f) => f.path === selected);
  const select = (f: FileInfo) => setParams({ path: f.path });

  if (root.data && root.data.length === 0) {
    return <EmptyState title="No artifacts">This run has not logged any files.</EmptyState>;
  }
  return (
    <div className="artifact-browser" data-testid="artifact-browser">
      <div className="artifact-tree card">
        <ArtifactTree runId={runId} path="" selected={selected} onSelect={select} />
      </div>
      <div className="artifact-pane card">
        {file && !file.is_dir ? (
          <ArtifactPreview key={file.path} runId={runId} file={file} />
        ) : (
          <div className="preview-empty muted">
            {file?.is_dir ? `Folder ${file.path}` : 'Choose a file to preview it.'}
          </div>
        )}
      </div>
    </div>
  );
}
