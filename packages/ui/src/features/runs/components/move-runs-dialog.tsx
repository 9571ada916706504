// Dialog that moves the selected runs to another active experiment, through the mlflow-ts move extension.
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { useExperimentsQuery } from '../../experiments/hooks/use-experiments.js';
import { useMoveRuns } from '../hooks/use-run-mutations.js';

export interface MoveRunsDialogProps {
  readonly runIds: readonly string[];
  readonly currentExperimentId: string;
  readonly onClose: () => void;
  readonly onMoved: (experimentId: string) => void;
}

export function MoveRunsDialog({ runIds, currentExperimentId, onClose, onMoved }: MoveRunsDialogProps) {
  const experiments = useExperimentsQuery({ search: '', view: 'ACTIVE_ONLY' });
  const targets = (experiments.data?.pages.flatMap((p) => p.experiments) ?? []).filter(
    (e) => e.experiment_id !== currentExperimentId,
  );
  const [target, setTarget] = useState('');
  const move = useMoveRuns();
  const chosen = target || targets[0]?.experiment_id || '';
  return (
    <Dialog
      open
      title={`Move ${runIds.length} run${runIds.length === 1 ? '' : 's'}`}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            disabled={!chosen || move.isPending}
            onClick={() =>
              move.mutate({ runIds, experimentId: chosen }, { onSuccess: () => onMoved(chosen) })
            }
          >
            Move
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="move-target">Destination experiment</label>
        <select
          id="move-target"
          className="select"
          value={chosen}
          onChange={(e) => setTarget(e.target.value)}
        >
          {targets.map((e) => (
            <option key={e.experiment_id} value={e.experiment_id}>
              {e.name} ({e.experiment_id})
            </option>
          ))}
        </select>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        The runs keep their artifacts where they are; every run moves, or none does.
      </p>
      {experiments.error ? <ErrorBanner error={experiments.error} /> : null}
      {move.error ? <ErrorBanner error={move.error} title="Nothing was moved" /> : null}
    </Dialog>
  );
}
