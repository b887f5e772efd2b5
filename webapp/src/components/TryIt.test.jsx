import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DownloadCenter from './DownloadCenter.jsx';
import TryIt from './TryIt.jsx';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';

afterEach(() => vi.unstubAllGlobals());

const catalogue = {
  algorithms: [
    { name: 'GaussianCopula', conditioning: ['fixed', 'rebalance', 'impute'] },
    { name: 'Unconditioned', conditioning: [] },
  ],
};

const stats = {
  datasetId: 2,
  rowCount: 344,
  columns: [
    {
      name: 'species',
      type: 'categorical',
      topValues: [
        { value: 'Adelie', count: 152, share: 0.44 },
        { value: 'Gentoo', count: 124, share: 0.36 },
        { value: 'Chinstrap', count: 68, share: 0.2 },
      ],
      topValuesExact: true,
    },
    { name: 'bill_length_mm', type: 'float', summary: { min: 32.1, max: 59.6 }, topValues: [] },
    { name: 'sample_id', type: 'id', topValues: [] },
  ],
};

/** An answer of `request.rows` rows, carrying the fixed species when there is one. */
function answer(request, seed, modelLoad) {
  const species = request.conditions?.species ?? 'Gentoo';
  const rows = Array.from({ length: request.rows ?? 100 }, (_, i) => ({
    species,
    bill_length_mm: 40 + i,
    sample_id: `s${i}`,
  }));
  return {
    columns: ['species', 'bill_length_mm', 'sample_id'],
    rows,
    count: rows.length,
    seed,
    anomalyRows: 0,
    engine: { modelLoad, seconds: 0.21 },
  };
}

/** The API of model 5; each sample answers with the next of `seeds`, the first with `modelLoad`. */
function routes({ seeds = [7, 8, 9], modelLoad = 'cached' } = {}) {
  let call = 0;
  return {
    'GET /api/algorithms': catalogue,
    'GET /api/datasets/2/stats': stats,
    'POST /api/models/5/sample': (init) =>
      json(answer(JSON.parse(init.body), seeds[call++], call === 1 ? modelLoad : 'cached')),
  };
}

function requests(fetch, path) {
  return fetch.mock.calls
    .filter(([url, init]) => String(url).endsWith(path) && init?.method === 'POST')
    .map(([, init]) => init.body);
}

const sampleRequests = (fetch) => requests(fetch, '/api/models/5/sample').map(JSON.parse);

async function openPanel(algorithm = 'GaussianCopula') {
  renderWithProviders(<TryIt modelId={5} datasetId={2} algorithm={algorithm} />);
  await userEvent.click(screen.getByRole('button', { name: 'Try it' }));
}

async function fixSpecies(value) {
  await userEvent.click(await screen.findByLabelText('Fixed values'));
  await userEvent.selectOptions(screen.getByLabelText('Column of fixed value 1'), 'species');
  await userEvent.type(screen.getByLabelText('Value of fixed value 1'), value);
}

describe('sampling rows', () => {
  it('shows a page of the rows with the seed used, and regenerates with a new seed', async () => {
    const api = routes({ modelLoad: 'loaded' });
    const fetch = mockApi(api);
    await openPanel();

    await userEvent.type(screen.getByLabelText(/^Seed/), '7');
    await userEvent.click(screen.getByRole('button', { name: 'Sample' }));

    const summary = await screen.findByTestId('sample-summary');
    expect(summary).toHaveTextContent('100 rows · seed 7 · no conditions');
    expect(summary).toHaveTextContent('(0.21 s in the engine)');
    expect(screen.getByText(/The model was loaded into the engine for this call/)).toBeVisible();
    const table = screen.getByRole('table', { name: 'Sampled rows' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(within(table).getByRole('columnheader', { name: 'bill_length_mm' })).toBeVisible();
    expect(screen.getByText('Rows 1–50 of 100')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(within(table).getByRole('cell', { name: 's99' })).toBeVisible();
    expect(sampleRequests(fetch)).toEqual([{ rows: 100, seed: 7 }]);

    await userEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    await waitFor(() => expect(screen.getByTestId('sample-summary')).toHaveTextContent('seed 8'));
    expect(sampleRequests(fetch)[1]).toEqual({ rows: 100 });
    expect(screen.queryByText(/The model was loaded into the engine/)).not.toBeInTheDocument();
    expect(screen.getByText('Rows 1–50 of 100')).toBeVisible();
  });

  it('shows a refusal of the conditions next to the conditions', async () => {
    const api = routes();
    api['POST /api/models/5/sample'] = () =>
      json(
        {
          title: 'Bad Request',
          status: 400,
          field: 'conditions',
          detail: 'species was never Emperor: it takes Adelie, Chinstrap or Gentoo',
        },
        400,
      );
    mockApi(api);
    await openPanel();

    await fixSpecies('Emperor');
    await userEvent.click(screen.getByRole('button', { name: 'Sample' }));

    const refusal = await screen.findByText(/species was never Emperor/);
    expect(refusal).toHaveAttribute('id', 'conditions-error');
    expect(screen.getByLabelText('Column of fixed value 1')).toHaveAccessibleDescription(
      /species was never Emperor/,
    );
    expect(screen.queryByText('Sampling failed')).not.toBeInTheDocument();
  });

  it('sends target shares only once they add up to 100%', async () => {
    const api = routes();
    const fetch = mockApi(api);
    await openPanel();

    await userEvent.click(await screen.findByLabelText('Target shares'));
    await userEvent.selectOptions(screen.getByLabelText('Column to rebalance'), 'species');
    await userEvent.type(screen.getByLabelText('Share of Adelie (%)'), '50');
    await userEvent.type(screen.getByLabelText('Share of Chinstrap (%)'), '30');
    expect(screen.getByText('Total: 80% of 100%')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Sample' }));

    expect(await screen.findByText(/The shares add up to 80%/)).toHaveAttribute(
      'id',
      'shares-error',
    );
    expect(sampleRequests(fetch)).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText('Share of Chinstrap (%)'));
    await userEvent.type(screen.getByLabelText('Share of Chinstrap (%)'), '50');
    await userEvent.click(screen.getByRole('button', { name: 'Sample' }));
    await waitFor(() => expect(sampleRequests(fetch)).toHaveLength(1));
    expect(sampleRequests(fetch)[0]).toEqual({
      rows: 100,
      shares: { species: { Adelie: 0.5, Chinstrap: 0.5 } },
    });
    expect(screen.queryByText(/The shares add up to/)).not.toBeInTheDocument();
  });

  it('offers the values the dataset saw, and no ids to fix', async () => {
    const api = routes();
    mockApi(api);
    await openPanel();

    await fixSpecies('Adelie');
    const offered = document.getElementById('condition-values-0');
    expect([...offered.querySelectorAll('option')].map((o) => o.value)).toEqual([
      'Adelie',
      'Gentoo',
      'Chinstrap',
    ]);
    const columns = within(screen.getByLabelText('Column of fixed value 1')).getAllByRole('option');
    expect(columns.map((o) => o.textContent)).toEqual([
      'Pick a column',
      'species',
      'bill_length_mm',
    ]);
  });

  it('queues a batch like the sample, with its conditions, and the batch list shows it', async () => {
    const api = routes();
    let queued = null;
    api['POST /api/generate'] = (init) => {
      queued = { id: 9, modelId: 5, status: 'PENDING', requestedRows: JSON.parse(init.body).count };
      return json(queued, 202);
    };
    api['GET /api/models/5/batches'] = () => json(queued ? [queued] : []);
    const fetch = mockApi(api);
    renderWithProviders(
      <>
        <TryIt modelId={5} datasetId={2} algorithm="GaussianCopula" />
        <DownloadCenter modelId={5} />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText(/No batches yet/)).toBeVisible();

    await fixSpecies('Adelie');
    await userEvent.click(screen.getByRole('button', { name: 'Sample' }));
    expect(await screen.findByTestId('sample-summary')).toHaveTextContent('species = Adelie');
    await userEvent.clear(screen.getByLabelText('Rows in the batch'));
    await userEvent.type(screen.getByLabelText('Rows in the batch'), '200');
    await userEvent.click(screen.getByRole('button', { name: 'Generate 200 like this' }));

    expect(await screen.findByText(/Batch #9 queued with species = Adelie/)).toBeVisible();
    const sampled = sampleRequests(fetch)[0];
    expect(requests(fetch, '/api/generate').map(JSON.parse)).toEqual([
      { modelId: 5, count: 200, conditions: sampled.conditions },
    ]);
    expect(sampled.conditions).toEqual({ species: 'Adelie' });
    expect(await screen.findByText('Batch #9')).toBeVisible();
  });

  it('says the engine is warming up while an answer takes more than a second', async () => {
    const api = routes();
    let answerNow;
    api['POST /api/models/5/sample'] = (init) =>
      new Promise((resolve) => {
        answerNow = () => resolve(json(answer(JSON.parse(init.body), 7, 'loaded')));
      });
    mockApi(api);
    await openPanel();

    await userEvent.click(screen.getByRole('button', { name: 'Sample' }));
    expect(screen.getByRole('button', { name: 'Sampling…' })).toBeDisabled();
    expect(screen.queryByText(/warming up/)).not.toBeInTheDocument();
    expect(
      await screen.findByText(/The engine is warming up/, {}, { timeout: 3000 }),
    ).toBeVisible();

    answerNow();
    expect(await screen.findByTestId('sample-summary')).toHaveTextContent('seed 7');
    await waitFor(() => expect(screen.queryByText(/warming up/)).not.toBeInTheDocument());
    expect(screen.getByText(/The model was loaded into the engine for this call/)).toBeVisible();
  });

  it('hides the conditions when the algorithm can do none, and still samples', async () => {
    const api = routes();
    const fetch = mockApi(api);
    await openPanel('Unconditioned');

    await waitFor(() =>
      expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/api/algorithms'))).toBe(true),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sample' }));
    expect(await screen.findByTestId('sample-summary')).toHaveTextContent('100 rows · seed 7');
    expect(screen.queryByRole('group', { name: 'Conditions' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Table with empty cells')).not.toBeInTheDocument();
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/stats'))).toBe(false);
  });
});

describe('filling empty cells', () => {
  const gaps = () =>
    new File(['species,bill_length_mm\nAdelie,\n'], 'gaps.csv', { type: 'text/csv' });

  it('uploads the table as multipart, and says which batch holds the filled rows', async () => {
    const api = routes();
    api['POST /api/models/5/impute'] = () => json({ id: 11, status: 'PENDING' }, 202);
    const fetch = mockApi(api);
    await openPanel();

    expect(screen.getByRole('button', { name: 'Fill the empty cells' })).toBeDisabled();
    await userEvent.upload(await screen.findByLabelText('Table with empty cells'), gaps());
    await userEvent.click(screen.getByRole('button', { name: 'Fill the empty cells' }));

    expect(await screen.findByText(/Batch #11 queued/)).toBeVisible();
    const [body] = requests(fetch, '/api/models/5/impute');
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('file').name).toBe('gaps.csv');
    const [, init] = fetch.mock.calls.find(([url]) => String(url).endsWith('/impute'));
    expect(init.headers).not.toHaveProperty('Content-Type');
  });

  it('shows why the server refused the table next to the file', async () => {
    const api = routes();
    api['POST /api/models/5/impute'] = () =>
      json(
        {
          title: 'Bad Request',
          status: 400,
          field: 'file',
          detail: 'the column island is missing',
        },
        400,
      );
    mockApi(api);
    await openPanel();

    await userEvent.upload(await screen.findByLabelText('Table with empty cells'), gaps());
    await userEvent.click(screen.getByRole('button', { name: 'Fill the empty cells' }));

    expect(await screen.findByText('the column island is missing')).toHaveAttribute(
      'id',
      'impute-file-error',
    );
    expect(screen.getByLabelText('Table with empty cells')).toHaveAttribute('aria-invalid', 'true');
  });
});
