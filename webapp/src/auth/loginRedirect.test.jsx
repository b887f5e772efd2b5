import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import App from '../App.jsx';
import { getToken, saveSession } from '../api/session.js';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';

vi.mock('react-chartjs-2', () => ({ Bar: () => null, Line: () => null }));

function WhereAmI() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

const project = {
  id: 7,
  name: 'Penguin study',
  description: '',
  createdAt: '2026-01-01T00:00:00Z',
};

afterEach(() => vi.unstubAllGlobals());

describe('sign-in and the redirect after a 401', () => {
  it('sends a visitor without a session to sign-in, then back to the page asked for', async () => {
    const api = mockApi({
      'POST /api/auth/login': { token: 'fresh', tokenType: 'Bearer', expiresAt: '2030-01-01' },
      'GET /api/projects': [project],
      'GET /api/projects/7': project,
      'GET /api/datasets': [],
      'GET /api/models': [],
    });
    renderWithProviders(
      <>
        <App />
        <WhereAmI />
      </>,
      { route: '/projects/7' },
    );
    expect(await screen.findByRole('heading', { name: 'Sign in to Doppel' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fprojects%2F7');
    await userEvent.type(screen.getByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'correct-horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Penguin study' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/projects\/7$/);
    expect(getToken()).toBe('fresh');
    const projectCall = api.mock.calls.find(([url]) => url === '/api/projects/7');
    expect(projectCall[1].headers.Authorization).toBe('Bearer fresh');
  });

  it('brings the user back to sign-in when the token expires, then to where they were', async () => {
    saveSession('stale', 'ada');
    let signedIn = false;
    const guarded = (body) => () =>
      signedIn
        ? json(body)
        : json({ title: 'Authentication required', status: 401, detail: 'token expired' }, 401);
    mockApi({
      'POST /api/auth/login': () => {
        signedIn = true;
        return json({ token: 'renewed', tokenType: 'Bearer', expiresAt: '2030-01-01' });
      },
      'GET /api/projects': guarded([project]),
      'GET /api/projects/7': guarded(project),
      'GET /api/datasets': guarded([]),
      'GET /api/models': guarded([]),
    });
    renderWithProviders(
      <>
        <App />
        <WhereAmI />
      </>,
      { route: '/projects/7' },
    );
    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
    expect(getToken()).toBeNull();
    expect(screen.getByTestId('location')).toHaveTextContent('next=%2Fprojects%2F7');
    await userEvent.type(screen.getByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'correct-horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/projects\/7$/),
    );
    expect(await screen.findByRole('heading', { name: 'Penguin study' })).toBeInTheDocument();
    expect(getToken()).toBe('renewed');
  });

  it('shows the server’s words next to the field at fault', async () => {
    mockApi({
      'POST /api/auth/register': json(
        { title: 'Invalid', status: 409, detail: 'the username ada is taken', field: 'username' },
        409,
      ),
    });
    renderWithProviders(<App />, { route: '/register' });
    await userEvent.type(screen.getByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Use at least 10 characters.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'long-enough-password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('the username ada is taken')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
  });

  it('never redirects to another site after sign-in', async () => {
    mockApi({
      'POST /api/auth/login': { token: 't', tokenType: 'Bearer', expiresAt: '2030-01-01' },
      'GET /api/projects': [],
    });
    renderWithProviders(
      <>
        <App />
        <WhereAmI />
      </>,
      { route: '/login?next=//evil.example' },
    );
    await userEvent.type(screen.getByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'correct-horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });
});
