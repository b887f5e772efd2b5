import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import EvaluateAgain from './EvaluateAgain.jsx';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';

afterEach(() => vi.unstubAllGlobals());

const dataset = {
  id: 2,
  columns: [
    { name: 'species', type: 'categorical' },
    { name: 'sex', type: 'categorical' },
  ],
};

function evaluationRequests(fetch) {
  return fetch.mock.calls
    .filter(
      ([url, init]) => String(url).endsWith('/api/models/5/evaluation') && init?.method === 'POST',
    )
    .map(([, init]) => JSON.parse(init.body));
}

describe('evaluating a model again', () => {
  it('lets the engine choose the utility target unless a column is picked', async () => {
    const fetch = mockApi({
      'GET /api/datasets/2': dataset,
      'POST /api/models/5/evaluation': () => json({ modelId: 5, status: 'PENDING' }, 202),
    });
    renderWithProviders(<EvaluateAgain modelId={5} datasetId={2} />);

    const picker = screen.getByLabelText('Column the utility test predicts');
    expect(picker).toHaveValue('');
    expect(await screen.findByRole('option', { name: 'sex' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Evaluate again' }));
    await waitFor(() => expect(evaluationRequests(fetch)).toHaveLength(1));
    expect(evaluationRequests(fetch)[0]).toEqual({});

    await userEvent.selectOptions(picker, 'sex');
    await userEvent.click(screen.getByRole('button', { name: 'Evaluate again' }));
    await waitFor(() => expect(evaluationRequests(fetch)).toHaveLength(2));
    expect(evaluationRequests(fetch)[1]).toEqual({ target: 'sex' });
  });

  it('shows the server’s words beside the picker when it refuses the target', async () => {
    mockApi({
      'GET /api/datasets/2': dataset,
      'POST /api/models/5/evaluation': () =>
        json(
          {
            title: 'Invalid input',
            status: 400,
            detail: "target: 'sex' is not a column",
            field: 'target',
          },
          400,
        ),
    });
    renderWithProviders(<EvaluateAgain modelId={5} datasetId={2} />);

    await userEvent.selectOptions(
      screen.getByLabelText('Column the utility test predicts'),
      await screen.findByRole('option', { name: 'sex' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Evaluate again' }));

    expect(await screen.findByText("target: 'sex' is not a column")).toBeInTheDocument();
    expect(screen.getByLabelText('Column the utility test predicts')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });
});
