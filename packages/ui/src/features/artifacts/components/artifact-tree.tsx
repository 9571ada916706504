// The artifact tree: directories list their entries only when opened (one list-artifacts call each).
import type { FileInfo } from '@mlflow-ts/protocol';
import { useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner.js';
import { formatBytes } from '../../../lib/format.js';
import { useArtifactListQuery } from '../hooks/use-artifacts.js';

export interface ArtifactTreeProps {
  readonly runId: string;
  readonly path: string;
  readonly selected: string;
  readonly onSelect: (file: FileInfo) => void;
  readonly depth?: number;
}

export function ArtifactTree({ runId, path, selected, onSelect, depth = 0 }: ArtifactTreeProps) {
  const list = useArtifactListQuery(runId, path);
  if (list.isLoading)
    return (
      <div className="tree-note muted" style={{ paddingLeft: indent(depth) }}>
        Loading…
      </div>
    );
  if (list.error) return <ErrorBanner error={list.error} />;
  const files = list.data ?? [];
  if (files.length === 0 && depth === 0) return null;
  return (
    <ul className="tree" role={depth === 0 ? 'tree' : 'group'}>
      {files.map((f) => (
        <TreeNode key={f.path} runId={runId} file={f} selected={selected} onSelect={onSelect} depth={depth} />
      ))}
    </ul>
  );
}

function indent(depth: number): number {
  return 8 + depth * 16;
}

function TreeNode(props: {
  runId: string;
  file: FileInfo;
  selected: string;
  onSelect: (f: FileInfo) => void;
  depth: number;
}) {
  const { file, selected, depth } = props;
  // A directory on the way to the selected file starts open (deep links into nested artifacts).
  const [open, setOpen] = useState(() => file.is_dir && selected.startsWith(`${file.path}/`));
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  return (
    <li role="treeitem" aria-expanded={file.is_dir ? open : undefined} aria-selected={selected === file.path}>
      <button
        type="button"
        className={`tree-item${selected === file.path ? ' selected' : ''}`}
        style={{ paddingLeft: indent(depth) }}
        onClick={() => {
          if (file.is_dir) setOpen((o) => !o);
          props.onSelect(file);
        }}
        title={file.path}
      >
        <span className="tree-icon" aria-hidden>
          {file.is_dir ? (open ? '▾' : '▸') : '·'}
        </span>
        <span className="tree-name">{name}</span>
        {!file.is_dir ? <span className="tree-size">{formatBytes(file.file_size)}</span> : null}
      </button>
      {file.is_dir && open ? (
        <ArtifactTree
          runId={props.runId}
          path={file.path}
          selected={selected}
          onSelect={props.onSelect}
          depth={depth + 1}
        />
      ) : null}
    </li>
  );
}
