/** The query client: server state lives here, not in a global store. */
import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api.js';

/** Retries only what may pass on a second try (network, 5xx, rate limit); never 4xx answers. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return false;
  return error.code === 'NETWORK' || error.code === 'INTERNAL';
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
