// A yes/no question in the app's own dialog (not window.confirm), with the action's error shown inside.
import type { ReactNode } from 'react';
import { Dialog } from './dialog.js';
import { ErrorBanner } from './error-banner.js';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog
      open
      title={props.title}
      onClose={props.onClose}
      footer={
        <>
          <button className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" onClick={props.onConfirm} disabled={props.pending}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <div>{props.children}</div>
      {props.error ? <ErrorBanner error={props.error} /> : null}
    </Dialog>
  );
}
