import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';
import ProjectSidebar from './ProjectSidebar.jsx';

afterEach(() => vi.unstubAllGlobals());

describe('the project sidebar', () => {
  it('creates, renames and deletes (after confirming) projects', async () => {
    let projects = [{ id: 1, name: 'Alpha', description: '', createdAt: '2026-01-01' }];
    const api = mockApi({
      'GET /api/projects': () => json(projects),
      'POST /api/projects': (init) => {
        const body = JSON.parse(init.body);
        const created = { id: 2, ...body, createdAt: '2026-01-02' };
        projects = [...projects, created];
        return json(created, 201);
      },
      'PATCH /api/projects/1': (init) => {
        projects = [{ ...projects[0], ...JSON.parse(init.body) }, ...projects.slice(1)];
        return json(projects[0]);
      },
      'DELETE /api/projects/1': () => {
        projects = projects.filter((p) => p.id !== 1);
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<ProjectSidebar />);
    expect(await screen.findByRole('link', { name: 'Alpha' })).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('New project'), 'Beta');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('link', { name: 'Beta' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Rename project Alpha' }));
    const name = screen.getByLabelText('New name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Gamma{Enter}');
    expect(await screen.findByRole('link', { name: 'Gamma' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Delete project Gamma' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent(/cannot be undone/);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Delete project Gamma' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete project' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Gamma' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Beta' })).toBeInTheDocument();
  });

  it('shows the server’s reason next to the new-project field', async () => {
    mockApi({
      'GET /api/projects': [],
      'POST /api/projects': json(
        { title: 'Conflict', status: 409, detail: 'a project named Alpha exists', field: 'name' },
        409,
      ),
    });
    renderWithProviders(<ProjectSidebar />);
    expect(await screen.findByText(/No projects yet/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('New project'), 'Alpha');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('a project named Alpha exists')).toBeInTheDocument();
  });
});
