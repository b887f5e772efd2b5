import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { saveSession } from '../api/session.js';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';
import DatabaseBatchPanel from './DatabaseBatchPanel.jsx';

const saved = [];

beforeEach(() => {
  saved.length = 0;
  // jsdom has no blob URLs.
  URL.createObjectURL = () => 'blob:database';
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function save() {
    saved.push(this.download);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const model = { id: 9, status: 'COMPLETED', tables: [] };
const batch = (id, status, extra = {}) => ({
  id,
  databaseModelId: 9,
  scale: 0.5,
  seed: 3,
  status,
  tables: [],
  error: null,
  createdAt: '2026-01-01T00:00:00Z',
  ...extra,
});
const rows = [
  { table: 'TeamsFranchises', rows: 60 },
  { table: 'Teams', rows: 1512 },
];

function generationRequests(fetch) {
  return fetch.mock.calls
    .filter(([url, init]) => url === '/api/database-models/9/generate' && init?.method === 'POST')
    .map(([, init]) => JSON.parse(init.body));
}

/** A generation endpoint that refuses its first request naming `field`, then queues batch 5. */
function refusedOnceThenQueued(field, detail) {
  let refused = false;
  return () => {
    if (refused) return json(batch(5, 'PENDING'), 202);
    refused = true;
    return json({ title: 'Invalid request', status: 400, detail, field }, 400);
  };
}

describe('the databases of a database model', () => {
  it('checks the scale, shows a refusal beside its field and generates at the chosen scale', async () => {
    const fetch = mockApi({
      'GET /api/database-models/9/batches': [],
      'POST /api/database-models/9/generate': refusedOnceThenQueued('seed', 'seed is out of range'),
    });
    renderWithProviders(<DatabaseBatchPanel model={model} projectId="3" />);
    expect(await screen.findByText(/No databases yet/)).toBeInTheDocument();
    const scale = screen.getByLabelText(/Scale/);
    await userEvent.clear(scale);
    await userEvent.type(scale, '500');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    expect(screen.getByText('Scale must be a number from 0.001 to 100.')).toBeInTheDocument();
    expect(generationRequests(fetch)).toHaveLength(0);

    await userEvent.clear(scale);
    await userEvent.type(scale, '0.5');
    await userEvent.type(screen.getByLabelText('Seed (optional)'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    expect(await screen.findByText('seed is out of range')).toBeInTheDocument();
    expect(screen.getByLabelText('Seed (optional)')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    await waitFor(() => expect(generationRequests(fetch)).toHaveLength(2));
    expect(generationRequests(fetch)[1]).toEqual({ scale: 0.5, seed: 3 });
  });

  it('asks for labelled anomalies in the chosen tables at one share, checked before and after sending', async () => {
    const fetch = mockApi({
      'GET /api/database-models/9/batches': [],
      'POST /api/database-models/9/generate': refusedOnceThenQueued(
        'anomalies.Salaries.ratio',
        'anomalies.Salaries: ratio must be greater than 0 and at most 0.5',
      ),
    });
    const learned = {
      ...model,
      tables: [{ name: 'People' }, { name: 'Teams' }, { name: 'Salaries' }],
    };
    renderWithProviders(<DatabaseBatchPanel model={learned} projectId="3" />);
    const anomalies = await screen.findByRole('group', { name: 'Labelled anomalies (optional)' });
    expect(screen.queryByLabelText(/Anomaly share/)).toBeNull();
    await userEvent.click(within(anomalies).getByLabelText('Salaries'));
    await userEvent.click(within(anomalies).getByLabelText('People'));
    const share = screen.getByLabelText(/Anomaly share/);
    await userEvent.clear(share);
    await userEvent.type(share, '60');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    expect(
      screen.getByText('Enter a share of anomalies above 0% and at most 50%.'),
    ).toBeInTheDocument();
    expect(generationRequests(fetch)).toHaveLength(0);

    await userEvent.clear(share);
    await userEvent.type(share, '10');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    expect(
      await screen.findByText('anomalies.Salaries: ratio must be greater than 0 and at most 0.5'),
    ).toBeInTheDocument();
    expect(share).toHaveAttribute('aria-invalid', 'true');
    expect(generationRequests(fetch)[0]).toEqual({
      scale: 1,
      anomalies: {
        People: { inject: true, ratio: 0.1 },
        Salaries: { inject: true, ratio: 0.1 },
      },
    });

    await userEvent.click(within(anomalies).getByLabelText('People'));
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    await waitFor(() => expect(generationRequests(fetch)).toHaveLength(2));
    expect(generationRequests(fetch)[1]).toEqual({
      scale: 1,
      anomalies: { Salaries: { inject: true, ratio: 0.1 } },
    });
  });

  it('fixes values in the tables without a parent, checked before sending and refused beside the table', async () => {
    const fetch = mockApi({
      'GET /api/database-models/9/batches': [],
      'POST /api/database-models/9/generate': refusedOnceThenQueued(
        'conditions.People',
        "conditions of table 'People': column 'bats': 'X' was never seen in training",
      ),
    });
    const learned = {
      ...model,
      tables: [{ name: 'People' }, { name: 'TeamsFranchises' }, { name: 'Salaries' }],
      relationships: [{ parentTable: 'People', childTable: 'Salaries' }],
    };
    renderWithProviders(<DatabaseBatchPanel model={learned} projectId="3" />);
    const fixed = await screen.findByRole('group', { name: 'Fixed values (optional)' });
    expect(within(fixed).queryByLabelText(/Salaries/)).toBeNull();
    const people = within(fixed).getByLabelText(/People/);
    await userEvent.type(people, 'bats');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    expect(screen.getByText('Write column=value pairs separated by commas.')).toBeInTheDocument();
    expect(generationRequests(fetch)).toHaveLength(0);

    await userEvent.clear(people);
    await userEvent.type(people, 'bats=X, weight = 180');
    await userEvent.type(within(fixed).getByLabelText(/TeamsFranchises/), 'active=Y');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    expect(
      await screen.findByText(
        "conditions of table 'People': column 'bats': 'X' was never seen in training",
      ),
    ).toBeInTheDocument();
    expect(people).toHaveAttribute('aria-invalid', 'true');
    expect(generationRequests(fetch)[0]).toEqual({
      scale: 1,
      conditions: { People: { bats: 'X', weight: '180' }, TeamsFranchises: { active: 'Y' } },
    });

    await userEvent.clear(people);
    await userEvent.click(screen.getByRole('button', { name: 'Generate a database' }));
    await waitFor(() => expect(generationRequests(fetch)).toHaveLength(2));
    expect(generationRequests(fetch)[1]).toEqual({
      scale: 1,
      conditions: { TeamsFranchises: { active: 'Y' } },
    });
  });

  it('shows the labelled anomalies of each table a batch generated them in, and its fixed values', async () => {
    mockApi({
      'GET /api/database-models/9/batches': [
        batch(7, 'COMPLETED', {
          anomalies: {
            Salaries: { ratio: 0.1, labelColumn: 'is_anomaly', kindColumn: null, kinds: [] },
          },
          conditions: { People: { bats: 'L', weight: '180' } },
          tables: [
            { table: 'People', rows: 607, anomalyRows: 0 },
            { table: 'Salaries', rows: 2963, anomalyRows: 296 },
          ],
        }),
      ],
    });
    renderWithProviders(<DatabaseBatchPanel model={model} projectId="3" />);
    const counts = await screen.findByRole('list', { name: 'Rows of batch 7' });
    expect(counts).toHaveTextContent('Salaries 2,963 rows · 296 anomalies');
    expect(screen.getByText('Fixed values: People bats=L, weight=180')).toBeInTheDocument();
    expect(within(counts).getByText(/607 rows/)).not.toHaveTextContent('anomalies');
  });

  it('polls a generating batch until its rows per table show, and says why one failed', async () => {
    let calls = 0;
    mockApi({
      'GET /api/database-models/9/batches': () => {
        calls += 1;
        return json([
          calls === 1 ? batch(6, 'GENERATING') : batch(6, 'COMPLETED', { tables: rows }),
          batch(5, 'FAILED', { error: 'the model folder is missing' }),
        ]);
      },
    });
    renderWithProviders(<DatabaseBatchPanel model={model} projectId="3" />);
    expect(await screen.findByText(/Generating the tables/)).toBeInTheDocument();
    expect(screen.getByText('the model folder is missing')).toBeInTheDocument();
    const counts = await screen.findByRole('list', { name: 'Rows of batch 6' }, { timeout: 3000 });
    expect(counts).toHaveTextContent('TeamsFranchises 60 rows');
    expect(counts).toHaveTextContent('Teams 1,512 rows');
    expect(screen.queryByText(/Generating the tables/)).toBeNull();
    expect(screen.queryByRole('group', { name: 'Download batch 5' })).toBeNull();
  });

  it('downloads a batch with the token, as a zip or as SQL in the chosen dialect', async () => {
    saveSession('t0ken', 'ada');
    const fetch = mockApi({
      'GET /api/database-models/9/batches': [batch(6, 'COMPLETED', { tables: rows })],
      'GET /api/database-batches/6/download': (_init, path) =>
        path.includes('format=parquet')
          ? json({ title: 'Conflict', status: 409, detail: 'the batch files were removed' }, 409)
          : new Response('data', {
              headers: {
                'Content-Disposition': `attachment; filename="${path.includes('sql') ? 'database-batch-6.sql' : 'database-batch-6.zip'}"`,
              },
            }),
    });
    renderWithProviders(<DatabaseBatchPanel model={model} projectId="3" />);
    const group = await screen.findByRole('group', { name: 'Download batch 6' });
    expect(within(group).queryByLabelText('Dialect')).toBeNull();
    await userEvent.click(within(group).getByRole('button', { name: /Download batch 6/ }));
    await waitFor(() => expect(saved).toEqual(['database-batch-6.zip']));

    await userEvent.selectOptions(within(group).getByLabelText('Format'), 'sql');
    await userEvent.selectOptions(within(group).getByLabelText('Dialect'), 'postgresql');
    await userEvent.click(within(group).getByRole('button', { name: /Download batch 6/ }));
    await waitFor(() => expect(saved).toEqual(['database-batch-6.zip', 'database-batch-6.sql']));
    const urls = fetch.mock.calls.map(([url]) => url).filter((u) => u.includes('/download'));
    expect(urls).toEqual([
      '/api/database-batches/6/download?format=csv',
      '/api/database-batches/6/download?format=sql&dialect=postgresql',
    ]);
    expect(fetch.mock.calls.at(-1)[1].headers).toEqual({ Authorization: 'Bearer t0ken' });

    await userEvent.selectOptions(within(group).getByLabelText('Format'), 'parquet');
    await userEvent.click(within(group).getByRole('button', { name: /Download batch 6/ }));
    expect(await screen.findByText('the batch files were removed')).toBeInTheDocument();
    expect(saved).toHaveLength(2);
  });
});
