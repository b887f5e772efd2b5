import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DownloadCenter from './DownloadCenter.jsx';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';

afterEach(() => vi.unstubAllGlobals());

const rules = [
  { id: 'linear:total', kind: 'linear', columns: [], text: 'total = fare + tip', realShare: 1 },
  { id: 'order:dropoff', kind: 'order', columns: [], text: 'pickup ≤ dropoff', realShare: 1 },
];

function generationRequests(fetch) {
  return fetch.mock.calls
    .filter(([url, init]) => String(url).endsWith('/api/generate') && init?.method === 'POST')
    .map(([, init]) => JSON.parse(init.body));
}

function routes(batches = []) {
  return {
    'GET /api/models/7/batches': batches,
    'POST /api/generate': () => json({ id: 1, status: 'PENDING' }, 202),
  };
}

describe('generating rows', () => {
  it('keeps every rule unless one is switched off, and sends the ones switched off', async () => {
    const fetch = mockApi(routes());
    renderWithProviders(<DownloadCenter modelId={7} rules={rules} />);

    expect(screen.getByLabelText('total = fare + tip')).toBeChecked();
    expect(screen.getByLabelText('pickup ≤ dropoff')).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(generationRequests(fetch)).toHaveLength(1));
    expect(generationRequests(fetch)[0]).not.toHaveProperty('rulesOff');

    await userEvent.click(screen.getByLabelText('pickup ≤ dropoff'));
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(generationRequests(fetch)).toHaveLength(2));
    expect(generationRequests(fetch)[1].rulesOff).toEqual(['order:dropoff']);
  });

  it('offers no rule switches for a model without rules', async () => {
    mockApi(routes());
    renderWithProviders(<DownloadCenter modelId={7} rules={[]} />);

    expect(await screen.findByText(/No batches yet/)).toBeInTheDocument();
    expect(screen.queryByText('Rules to keep')).not.toBeInTheDocument();
  });

  it('says which rules a batch switched off', async () => {
    const batch = {
      id: 3,
      modelId: 7,
      status: 'COMPLETED',
      requestedRows: 10,
      rowCount: 10,
      rulesOff: ['linear:total'],
      createdAt: '2026-01-01T00:00:00Z',
    };
    mockApi(routes([batch]));
    renderWithProviders(<DownloadCenter modelId={7} rules={rules} />);

    expect(await screen.findByText('Rules switched off: total = fare + tip')).toBeInTheDocument();
  });
});
