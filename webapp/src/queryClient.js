import { QueryClient } from '@tanstack/react-query';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not fix itself by asking again.
        retry: (count, error) => count < 2 && !(error?.status >= 400 && error?.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}
