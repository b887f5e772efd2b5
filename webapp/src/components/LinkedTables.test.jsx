import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';
import LinkedTables from './LinkedTables.jsx';

const tables = [
  {
    datasetId: 1,
    name: 'People',
    rows: 24270,
    columns: ['playerID', 'nameLast'],
    primaryKey: ['playerID'],
    candidateKeys: ['playerID'],
  },
  {
    datasetId: 2,
    name: 'Salaries',
    rows: 26428,
    columns: ['yearID', 'playerID', 'salary'],
    primaryKey: [],
    candidateKeys: [],
  },
];
const declared = {
  id: 7,
  parentDatasetId: 1,
  parentTable: 'People',
  parentColumns: ['playerID'],
  childDatasetId: 2,
  childTable: 'Salaries',
  childColumns: ['playerID'],
  orderBy: ['yearID'],
};

describe('the linked tables', () => {
  it('draws the tables and links, and removes a link', async () => {
    const fetch = mockApi({
      'GET /api/projects/3/schema': { tables, relationships: [declared] },
      'DELETE /api/projects/3/schema/relationships/7': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<LinkedTables projectId="3" />);
    expect(
      await screen.findByRole('img', { name: 'Diagram of 2 tables and 1 links' }),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('schema-table')).toHaveLength(2);
    expect(screen.getByText('ordered by yearID')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove People(playerID) ← Salaries(playerID)' }),
    );
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/projects/3/schema/relationships/7',
        expect.objectContaining({ method: 'DELETE' }),
      ),
    );
  });

  it('declares a suggested link with an order, and shows a refusal beside the field it names', async () => {
    const bodies = [];
    mockApi({
      'GET /api/projects/3/schema': { tables, relationships: [] },
      'GET /api/projects/3/schema/proposal': [
        { ...declared, orderBy: undefined, childRows: 26428, linkedRows: 26428 },
      ],
      'POST /api/projects/3/schema/relationships': (init) => {
        bodies.push(JSON.parse(init.body));
        return bodies.length === 1
          ? json(
              {
                title: 'Invalid schema',
                status: 400,
                detail: "Salaries has no column 'year'; its columns are yearID, playerID, salary",
                field: 'orderBy',
              },
              400,
            )
          : json(declared, 201);
      },
    });
    renderWithProviders(<LinkedTables projectId="3" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Suggest links' }));
    expect(await screen.findByText('26,428 of 26,428 rows linked')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Use People(playerID) ← Salaries(playerID)' }),
    );
    const form = screen.getByRole('form', { name: 'Declare the suggested link' });
    const order = within(form).getByLabelText('Order child rows by (optional)');
    await userEvent.type(order, 'year');
    await userEvent.click(within(form).getByRole('button', { name: 'Declare the link' }));
    expect(await screen.findByText(/has no column 'year'/)).toBeInTheDocument();
    expect(order).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(order, 'ID');
    await userEvent.click(within(form).getByRole('button', { name: 'Declare the link' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({
      parentDatasetId: 1,
      parentColumns: ['playerID'],
      childDatasetId: 2,
      childColumns: ['playerID'],
      orderBy: ['yearID'],
    });
  });

  it('asks for two tables before there is anything to link', async () => {
    mockApi({ 'GET /api/projects/3/schema': { tables: tables.slice(0, 1), relationships: [] } });
    renderWithProviders(<LinkedTables projectId="3" />);
    expect(await screen.findByText(/Upload two or more related tables/)).toBeInTheDocument();
  });
});
