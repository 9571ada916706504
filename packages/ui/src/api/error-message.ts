// Turns whatever a query or mutation threw into the text a person sees (MLflow's message when there is one).
import { MlflowRestError } from '@mlflow-ts/client';

export interface ErrorText {
  readonly code: string | undefined;
  readonly message: string;
}

export function errorText(error: unknown): ErrorText {
  if (error instanceof MlflowRestError) return { code: error.errorCode, message: error.message };
  if (error instanceof Error) return { code: undefined, message: error.message };
  return { code: undefined, message: String(error) };
}
