// Dialog that renames an experiment; MLflow's refusal (name taken, deleted experiment) shows inline.
import type { Experiment } from '@mlflow-ts/protocol';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { useRenameExperiment } from '../hooks/use-experiment-mutations.js';

export function RenameExperimentDialog({
  experiment,
  onClose,
}: {
  experiment: Experiment;
  onClose: () => void;
}) {
  const [name, setName] = useState(experiment.name);
  const rename = useRenameExperiment();
  const submit = () =>
    rename.mutate({ experimentId: experiment.experiment_id, newName: name }, { onSuccess: onClose });
  return (
    <Dialog
      open
      title={`Rename “${experiment.name}”`}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" onClick={submit} disabled={rename.isPending}>
            Rename
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor="experiment-new-name">New name</label>
          <input
            id="experiment-new-name"
            className="input"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
      </form>
      {rename.error ? <ErrorBanner error={rename.error} /> : null}
    </Dialog>
  );
}
