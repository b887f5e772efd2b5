import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from '../App.jsx';
import { getToken, saveSession } from '../api/session.js';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';

vi.mock('react-chartjs-2', () => ({ Bar: () => null, Line: () => null }));

afterEach(() => vi.unstubAllGlobals());

describe('signing out', () => {
  it('revokes the token on the server and returns to sign-in', async () => {
    saveSession('current', 'ada');
    const api = mockApi({
      'GET /api/projects': [],
      'POST /api/auth/logout': () => json(null, 204),
    });
    renderWithProviders(<App />, { route: '/' });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Doppel' })).toBeInTheDocument();
    expect(screen.queryByText(/Your session has ended/)).not.toBeInTheDocument();
    expect(getToken()).toBeNull();
    const logoutCall = api.mock.calls.find(([url]) => url === '/api/auth/logout');
    expect(logoutCall[1].method).toBe('POST');
    expect(logoutCall[1].headers.Authorization).toBe('Bearer current');
  });

  it('signs out here even when the server cannot be reached', async () => {
    saveSession('current', 'ada');
    mockApi({ 'GET /api/projects': [] });
    renderWithProviders(<App />, { route: '/' });
    const signOut = await screen.findByRole('button', { name: 'Sign out' });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    await userEvent.click(signOut);

    expect(await screen.findByRole('heading', { name: 'Sign in to Doppel' })).toBeInTheDocument();
    await waitFor(() => expect(getToken()).toBeNull());
  });
});
