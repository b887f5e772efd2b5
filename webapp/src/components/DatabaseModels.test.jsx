import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';
import DatabaseModels from './DatabaseModels.jsx';

afterEach(() => vi.unstubAllGlobals());

const tables = [
  {
    datasetId: 1,
    name: 'TeamsFranchises',
    rows: 120,
    columns: ['franchID'],
    primaryKey: ['franchID'],
  },
  { datasetId: 2, name: 'Teams', rows: 2940, columns: ['yearID', 'franchID'], primaryKey: [] },
];
const sequence = {
  id: 7,
  parentDatasetId: 1,
  parentTable: 'TeamsFranchises',
  parentColumns: ['franchID'],
  childDatasetId: 2,
  childTable: 'Teams',
  childColumns: ['franchID'],
  orderBy: ['yearID'],
};
const relational = (linkedTables, sequences = linkedTables) => ({
  linkedTables,
  sequences,
  compositeKeys: linkedTables,
});
const argn = {
  name: 'TabularARGN',
  description: 'Autoregressive networks, one per table.',
  settings: [
    { name: 'max_epochs', type: 'integer', minimum: 1, default: 100, description: 'Epochs.' },
  ],
  constraints: [],
  relational: relational(true),
};
const copula = {
  name: 'GaussianCopula',
  description: 'One table at a time.',
  settings: [],
  constraints: [],
  relational: relational(false),
};
const model = (id, status, extra = {}) => ({
  id,
  projectId: 3,
  algorithm: 'TabularARGN',
  settings: {},
  seed: null,
  status,
  progress: null,
  tables: [
    { datasetId: 1, name: 'TeamsFranchises', primaryKey: ['franchID'] },
    { datasetId: 2, name: 'Teams', primaryKey: [] },
  ],
  relationships: [],
  summary: [],
  error: null,
  createdAt: '2026-01-01T00:00:00Z',
  ...extra,
});

function routes({ relationships = [sequence], algorithms = [copula, argn], models = [], ...more }) {
  return {
    'GET /api/projects/3/schema': { tables, relationships },
    'GET /api/algorithms': { algorithms },
    'GET /api/projects/3/database-models': models,
    ...more,
  };
}

const trainButton = () => screen.findByRole('button', { name: 'Train a database model' });

describe('the synthetic databases', () => {
  it('says why it cannot train while the project declares no link', async () => {
    mockApi(routes({ relationships: [] }));
    renderWithProviders(<DatabaseModels projectId="3" />);
    expect(await trainButton()).toBeDisabled();
    expect(await trainButton()).toHaveAccessibleDescription(
      /Declare a link between two tables under “Linked tables” first/,
    );
    expect(screen.getByText(/No database models yet/)).toBeInTheDocument();
  });

  it('offers only algorithms that learn linked tables, and says so when there are none', async () => {
    mockApi(routes({ algorithms: [copula] }));
    renderWithProviders(<DatabaseModels projectId="3" />);
    expect(await trainButton()).toBeDisabled();
    expect(
      screen.getByText('None of the server’s algorithms can learn linked tables.'),
    ).toBeInTheDocument();
  });

  it('says why an algorithm without sequences cannot learn an ordered child', async () => {
    mockApi(routes({ algorithms: [{ ...argn, relational: relational(true, false) }] }));
    renderWithProviders(<DatabaseModels projectId="3" />);
    expect(await trainButton()).toBeDisabled();
    expect(
      screen.getByText(
        'TabularARGN cannot learn ordered child rows, and Teams(franchID) is ordered by yearID.',
      ),
    ).toBeInTheDocument();
  });

  it('trains with the chosen settings and shows the server’s refusal in its words', async () => {
    const bodies = [];
    mockApi(
      routes({
        'POST /api/projects/3/database-models': (init) => {
          bodies.push(JSON.parse(init.body));
          if (bodies.length === 1)
            return json(
              {
                title: 'Invalid setting',
                status: 400,
                detail: 'max_epochs must be at most 500',
                field: 'settings.max_epochs',
              },
              400,
            );
          return json(
            {
              title: 'Invalid request',
              status: 400,
              detail: 'the tables changed since the schema was read: declare the links again',
              field: 'projectId',
            },
            400,
          );
        },
      }),
    );
    renderWithProviders(<DatabaseModels projectId="3" />);
    const form = await screen.findByRole('form', { name: 'Train a database model' });
    expect(within(form).getByLabelText('Algorithm')).toHaveDisplayValue('TabularARGN');
    expect(within(form).queryByRole('option', { name: 'GaussianCopula' })).toBeNull();
    await userEvent.click(within(form).getByText('Hyper-parameters and seed'));
    const epochs = within(form).getByLabelText(/Max epochs/);
    await userEvent.clear(epochs);
    await userEvent.type(epochs, '900');
    await userEvent.type(within(form).getByLabelText(/Seed/), '4');
    await userEvent.click(within(form).getByRole('button', { name: 'Train a database model' }));
    expect(await within(form).findByText('max_epochs must be at most 500')).toBeInTheDocument();
    expect(epochs).toHaveAttribute('aria-invalid', 'true');
    expect(bodies[0]).toEqual({ algorithm: 'TabularARGN', settings: { max_epochs: 900 }, seed: 4 });

    await userEvent.clear(epochs);
    await userEvent.type(epochs, '2');
    await userEvent.click(within(form).getByRole('button', { name: 'Train a database model' }));
    const refusal = await within(form).findByRole('alert');
    expect(refusal).toHaveTextContent('Training could not start');
    expect(refusal).toHaveTextContent(
      'the tables changed since the schema was read: declare the links again',
    );
  });

  it('follows a training table by table, cancels it, and deletes a model once confirmed', async () => {
    const fetch = mockApi(
      routes({
        models: [
          model(9, 'TRAINING', {
            progress: { table: 'Teams', stage: 'training', epoch: 2, epochs: 5, elapsedSeconds: 3 },
          }),
          model(8, 'FAILED', { error: 'the engine ran out of memory' }),
        ],
        'POST /api/database-models/9/cancel': model(9, 'CANCELLED'),
        'DELETE /api/database-models/8': () => new Response(null, { status: 204 }),
      }),
    );
    renderWithProviders(<DatabaseModels projectId="3" />);
    const tablesOf9 = await screen.findByRole('list', { name: 'Tables of database model 9' });
    expect(within(tablesOf9).getByText('learned')).toBeInTheDocument();
    expect(within(tablesOf9).getByRole('progressbar', { name: 'Teams: training' })).toHaveAttribute(
      'aria-valuenow',
      '40',
    );
    expect(within(tablesOf9).getByText('epoch 2 / 5')).toBeInTheDocument();
    expect(screen.getByText('the engine ran out of memory')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel database model 8' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel database model 9' }));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/database-models/9/cancel',
        expect.objectContaining({ method: 'POST' }),
      ),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Delete database model 8' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete database model #8?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fetch).not.toHaveBeenCalledWith('/api/database-models/8', expect.anything());
    await userEvent.click(screen.getByRole('button', { name: 'Delete database model 8' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete database model' }));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/database-models/8',
        expect.objectContaining({ method: 'DELETE' }),
      ),
    );
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('polls a training until it completes, then opens its databases', async () => {
    let calls = 0;
    mockApi(
      routes({
        'GET /api/projects/3/database-models': () => {
          calls += 1;
          return json([
            calls === 1
              ? model(9, 'PENDING')
              : model(9, 'COMPLETED', {
                  summary: [
                    { table: 'TeamsFranchises', rows: 120, seconds: 1.5 },
                    { table: 'Teams', rows: 2940, seconds: 12.25 },
                  ],
                }),
          ]);
        },
        'GET /api/database-models/9/batches': [],
      }),
    );
    renderWithProviders(<DatabaseModels projectId="3" />);
    expect(await screen.findByText('Pending', { selector: '[data-status]' })).toBeInTheDocument();
    expect(screen.getAllByText('waiting')).toHaveLength(2);
    expect(
      await screen.findByText('2,940 rows learned in 12.3 s', {}, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/No databases yet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Databases of database model 9' }));
    expect(screen.queryByText(/No databases yet/)).toBeNull();
  });
});
