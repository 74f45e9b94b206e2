/** What a route shows when it fails to load or render (a failed session check, a crashed page). */
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { ErrorMessage } from '../components/error-message.js';

export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <main className="page page-narrow" id="main" tabIndex={-1}>
      <ErrorMessage error={error} onRetry={() => void router.invalidate()} />
    </main>
  );
}
