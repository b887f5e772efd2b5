import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from '../App.jsx';
import { getToken, saveSession } from '../api/session.js';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';

vi.mock('react-chartjs-2', () => ({ Bar: () => null, Line: () => null }));

afterEach(() => vi.unstubAllGlobals());

function bodyOf(api, url) {
  const call = api.mock.calls.find(([u]) => u === url);
  return JSON.parse(call[1].body);
}

describe('the account page', () => {
  it('is reached from the user name in the header', async () => {
    saveSession('current', 'ada');
    mockApi({ 'GET /api/projects': [] });
    renderWithProviders(<App />, { route: '/' });
    await userEvent.click(await screen.findByRole('link', { name: 'ada' }));

    expect(await screen.findByRole('heading', { name: 'Account ada' })).toBeInTheDocument();
  });

  it('changes the password and carries on with the new token', async () => {
    saveSession('old-token', 'ada');
    const api = mockApi({
      'GET /api/projects': [],
      'POST /api/auth/password': {
        token: 'new-token',
        tokenType: 'Bearer',
        expiresAt: '2030-01-01T00:00:00Z',
      },
    });
    renderWithProviders(<App />, { route: '/account' });
    await userEvent.type(await screen.findByLabelText('Current password'), 'correct horse battery');
    await userEvent.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText(/Your password is changed/)).toBeInTheDocument();
    expect(bodyOf(api, '/api/auth/password')).toEqual({
      currentPassword: 'correct horse battery',
      newPassword: 'a brand new passphrase',
    });
    expect(getToken()).toBe('new-token');
  });

  it('shows the server’s words beside the field it names', async () => {
    saveSession('current', 'ada');
    mockApi({
      'GET /api/projects': [],
      'POST /api/auth/password': () =>
        json(
          {
            title: 'Invalid request',
            status: 400,
            detail: 'the current password is incorrect',
            field: 'currentPassword',
          },
          400,
        ),
    });
    renderWithProviders(<App />, { route: '/account' });
    await userEvent.type(await screen.findByLabelText('Current password'), 'wrong guess!');
    await userEvent.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('the current password is incorrect')).toBeInTheDocument();
    expect(getToken()).toBe('current');
  });

  it('refuses a new password shorter than 10 characters without asking the server', async () => {
    saveSession('current', 'ada');
    const api = mockApi({ 'GET /api/projects': [] });
    renderWithProviders(<App />, { route: '/account' });
    await userEvent.type(await screen.findByLabelText('Current password'), 'correct horse battery');
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Use at least 10 characters.')).toBeInTheDocument();
    expect(api.mock.calls.some(([url]) => url === '/api/auth/password')).toBe(false);
  });

  it('deletes the account only after a confirmation, then signs out', async () => {
    saveSession('current', 'ada');
    const api = mockApi({
      'GET /api/projects': [],
      'DELETE /api/auth/account': () => json(null, 204),
      'POST /api/auth/logout': () => json(null, 401),
    });
    renderWithProviders(<App />, { route: '/account' });
    await userEvent.type(await screen.findByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Delete account…' }));
    expect(api.mock.calls.some(([url]) => url === '/api/auth/account')).toBe(false);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete everything' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Doppel' })).toBeInTheDocument();
    expect(bodyOf(api, '/api/auth/account')).toEqual({ password: 'correct horse battery' });
    expect(getToken()).toBeNull();
  });
});
