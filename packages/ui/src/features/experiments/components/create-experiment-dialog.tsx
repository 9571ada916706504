// Dialog that creates an experiment; the server's error (name taken, bad location) shows inside it.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/dialog.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { useCreateExperiment } from '../hooks/use-experiment-mutations.js';

export function CreateExperimentDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const create = useCreateExperiment();
  const navigate = useNavigate();
  const close = () => {
    setName('');
    setLocation('');
    create.reset();
    onClose();
  };
  const submit = () =>
    create.mutate(
      { name, artifactLocation: location },
      {
        onSuccess: (res) => {
          close();
          void navigate(`/experiments/${res.experiment_id}`);
        },
      },
    );
  return (
    <Dialog
      open={open}
      title="Create experiment"
      onClose={close}
      footer={
        <>
          <button className="btn" onClick={close}>
            Cancel
          </button>
          <button className="btn btn-primary" onClick={submit} disabled={create.isPending}>
            Create
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
          <label htmlFor="experiment-name">Name</label>
          <input
            id="experiment-name"
            className="input"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="experiment-location">Artifact location (optional)</label>
          <input
            id="experiment-location"
            className="input"
            placeholder="server default"
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
        </div>
        <button type="submit" hidden />
      </form>
      {create.error ? <ErrorBanner error={create.error} /> : null}
    </Dialog>
  );
}
