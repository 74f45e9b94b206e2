/** Providers around the router: i18n and TanStack Query; wires the API client to the session and router. */
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { authKeys } from '../features/auth/api/keys.js';
import { sessionQueryOptions } from '../features/auth/api/get-session.js';
import { I18nProvider, type Lang } from '../i18n/index.js';
import { configureApi } from '../lib/api.js';
import { createQueryClient } from './query-client.js';
import { createAppRouter } from './router.js';

function setup() {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  configureApi({
    onUnauthenticated: () => {
      queryClient.removeQueries({ queryKey: authKeys.session() });
      const here = router.state.location;
      if (here.pathname !== '/login') {
        void router.navigate({ to: '/login', search: { redirect: here.href, reason: 'expired' } });
      }
    },
    csrfToken: async (mode) => {
      const key = authKeys.session();
      if (mode === 'cached') return queryClient.getQueryData<{ csrfToken: string }>(key)?.csrfToken ?? null;
      const s =
        mode === 'fresh'
          ? await queryClient.fetchQuery({ ...sessionQueryOptions(), staleTime: 0 })
          : await queryClient.ensureQueryData(sessionQueryOptions());
      return s.csrfToken;
    },
  });
  return { queryClient, router };
}

export function App({ lang }: { lang: Lang }) {
  const [{ queryClient, router }] = useState(setup);
  return (
    <I18nProvider initial={lang}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
