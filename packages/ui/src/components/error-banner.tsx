// Shows a failed request as MLflow reports it: the error code, then the server's message.
import { errorText } from '../api/error-message.js';

export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  const { code, message } = errorText(error);
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      {title ? <strong>{title}: </strong> : null}
      {code ? <code>{code}</code> : null}
      {code ? ' ' : null}
      <span className="error-message">{message}</span>
    </div>
  );
}
