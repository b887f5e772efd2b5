import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';
import DatabaseConnections from './DatabaseConnections.jsx';

const connection = {
  id: 4,
  projectId: 3,
  name: 'Replica',
  kind: 'postgresql',
  host: 'db.internal',
  port: 5432,
  database: 'lahman',
  username: 'reader',
};

describe('the database connections', () => {
  it('adds a database, showing a refusal beside the field it names', async () => {
    const bodies = [];
    mockApi({
      'GET /api/projects/3/connections': [],
      'POST /api/projects/3/connections': (init) => {
        bodies.push(JSON.parse(init.body));
        return bodies.length === 1
          ? json(
              {
                title: 'Invalid request',
                status: 400,
                detail: 'port must be between 1 and 65535',
                field: 'port',
              },
              400,
            )
          : json(connection, 201);
      },
    });
    renderWithProviders(<DatabaseConnections projectId="3" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add a database' }));
    const form = screen.getByRole('form', { name: 'Add a database' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Replica');
    await userEvent.type(within(form).getByLabelText('Host'), 'db.internal');
    await userEvent.type(within(form).getByLabelText('Port'), '70000');
    await userEvent.type(within(form).getByLabelText('Database'), 'lahman');
    await userEvent.type(within(form).getByLabelText('Username'), 'reader');
    await userEvent.type(within(form).getByLabelText('Password'), 'secret');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the database' }));
    expect(await within(form).findByText('port must be between 1 and 65535')).toBeInTheDocument();
    expect(within(form).getByLabelText('Port')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(within(form).getByLabelText('Port'));
    await userEvent.click(within(form).getByRole('button', { name: 'Add the database' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({
      name: 'Replica',
      kind: 'postgresql',
      host: 'db.internal',
      database: 'lahman',
      username: 'reader',
      password: 'secret',
      port: undefined,
    });
  });

  it('tests a database and imports the ticked tables', async () => {
    let imported = null;
    mockApi({
      'GET /api/projects/3/connections': [connection],
      'POST /api/connections/4/test': { serverVersion: '15.18' },
      'GET /api/connections/4/schemas': ['public'],
      'GET /api/connections/4/tables': [
        {
          schema: 'public',
          name: 'People',
          columns: [{ name: 'playerID' }],
          primaryKey: ['playerID'],
          foreignKeys: [],
        },
        {
          schema: 'public',
          name: 'Salaries',
          columns: [{ name: 'playerID' }, { name: 'salary' }],
          primaryKey: [],
          foreignKeys: [
            { columns: ['playerID'], parentTable: 'People', parentColumns: ['playerID'] },
          ],
        },
      ],
      'POST /api/connections/4/import': (init) => {
        imported = JSON.parse(init.body);
        return json({ datasets: [{ id: 1 }, { id: 2 }], relationships: [9], notDeclared: [] }, 201);
      },
    });
    renderWithProviders(<DatabaseConnections projectId="3" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Test Replica' }));
    expect(await screen.findByText('Connected: 15.18')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Import from Replica' }));
    await userEvent.selectOptions(await screen.findByLabelText('Schema'), 'public');
    expect(await screen.findByText(/→ People/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /^People/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^Salaries/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported 2 tables with 1 links.')).toBeInTheDocument();
    expect(imported).toEqual({ schema: 'public', tables: ['People', 'Salaries'] });
  });
});
