import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';

export function json(body, status = 200) {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
    },
  });
}

/**
 * Stubs fetch with a route table: { 'GET /api/projects': body | (init, url) => Response }.
 * Unknown routes answer 404. Returns the mock, whose calls can be inspected.
 */
export function mockApi(routes) {
  const mock = vi.fn(async (url, init = {}) => {
    const method = (init.method || 'GET').toUpperCase();
    const path = String(url).replace(/^https?:\/\/[^/]+/, '');
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ');
      return m === method && (p === path || p === path.split('?')[0]);
    });
    if (!key)
      return json(
        { title: 'Not found', status: 404, detail: `no mock for ${method} ${path}` },
        404,
      );
    const handler = routes[key];
    if (handler instanceof Response) return handler.clone();
    return typeof handler === 'function' ? handler(init, path) : json(handler);
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

export function renderWithProviders(ui, { route = '/' } = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}
