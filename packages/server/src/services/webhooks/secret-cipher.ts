// Webhook secrets at rest: Fernet with MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY, else a key made up for this process.
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import { Fernet } from './fernet.js';

/**
 * Like MLflow's EncryptedString column: without a configured key each process invents one, so
 * secrets stored by an earlier process (or another worker) no longer decrypt. Set the key to keep
 * them readable across restarts, workers, and between MLflow and mlflow-ts on one database.
 */
export class SecretCipher {
  private readonly fernet: Fernet;

  constructor(key: string | null) {
    this.fernet = new Fernet(key ?? Fernet.generateKey());
  }

  seal(secret: string | null): string | null {
    return secret === null ? null : this.fernet.encrypt(secret);
  }

  /**
   * MLflow's session wrapper turns cryptography's InvalidToken (which has no text) into
   * INTERNAL_ERROR with an empty message; every read of such a webhook fails that way, even a
   * delete or an update that would replace the secret.
   */
  open(stored: string | null): string | null {
    if (stored === null) return null;
    try {
      return this.fernet.decrypt(stored);
    } catch {
      throw new MlflowError(ErrorCode.INTERNAL_ERROR, '');
    }
  }
}
