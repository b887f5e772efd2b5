import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ApiTokens from './ApiTokens.jsx';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';

afterEach(() => vi.unstubAllGlobals());

const NOTEBOOK = {
  id: 7,
  name: 'notebook',
  scope: 'read',
  prefix: 'dpl_abcd',
  createdAt: '2026-01-10T09:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
};

describe('API tokens on the account page', () => {
  it('lists the tokens by name, scope and prefix', async () => {
    mockApi({ 'GET /api/auth/tokens': [NOTEBOOK] });
    renderWithProviders(<ApiTokens />);

    const item = (await screen.findByText('notebook')).closest('li');
    expect(within(item).getByText('(read)')).toBeInTheDocument();
    expect(within(item).getByText('dpl_abcd…')).toBeInTheDocument();
    expect(item).toHaveTextContent('last used never');
  });

  it('creates a token and shows its secret once, with a copy button', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const api = mockApi({
      'GET /api/auth/tokens': [],
      'POST /api/auth/tokens': { token: NOTEBOOK, secret: 'dpl_abcdSECRET' },
    });
    renderWithProviders(<ApiTokens />);
    expect(await screen.findByText('No API tokens yet.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Token name'), 'notebook');
    await user.selectOptions(screen.getByLabelText('Scope'), 'full');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await screen.findByText('dpl_abcdSECRET')).toBeInTheDocument();
    expect(screen.getByText(/it will not be shown again/)).toBeInTheDocument();
    const call = api.mock.calls.find(
      ([u, init]) => u === '/api/auth/tokens' && init?.method === 'POST',
    );
    expect(JSON.parse(call[1].body)).toEqual({ name: 'notebook', scope: 'full' });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('dpl_abcdSECRET');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('dpl_abcdSECRET')).not.toBeInTheDocument();
  });

  it('shows the server’s words beside the name it refuses', async () => {
    mockApi({
      'GET /api/auth/tokens': [],
      'POST /api/auth/tokens': () =>
        json(
          {
            title: 'Invalid request',
            status: 400,
            detail: 'name must hold 1 to 100 characters',
            field: 'name',
          },
          400,
        ),
    });
    renderWithProviders(<ApiTokens />);
    await userEvent.click(await screen.findByRole('button', { name: 'Create token' }));

    expect(await screen.findByText('name must hold 1 to 100 characters')).toBeInTheDocument();
    expect(screen.getByLabelText('Token name')).toHaveAttribute('aria-invalid', 'true');
  });

  it('revokes a token only after confirmation', async () => {
    const revoked = vi.fn(() => new Response(null, { status: 204 }));
    mockApi({ 'GET /api/auth/tokens': [NOTEBOOK], 'DELETE /api/auth/tokens/7': revoked });
    renderWithProviders(<ApiTokens />);

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke notebook' }));
    expect(revoked).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Revoke notebook?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke token' }));

    expect(revoked).toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
