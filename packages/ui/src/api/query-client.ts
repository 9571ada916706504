// The app's TanStack Query client: one cache for every feature's hooks.
import { MlflowRestError } from '@mlflow-ts/client';
import { QueryClient } from '@tanstack/react-query';

/** A 4xx answer is the request's fault (bad filter, missing run): retrying cannot help. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof MlflowRestError && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
