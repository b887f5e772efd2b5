import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fileNameFrom } from '../api/download.js';
import BatchList from './BatchList.jsx';

const batch = (id, status, extra = {}) => ({
  id,
  modelId: 1,
  status,
  requestedRows: 500,
  rowCount: status === 'COMPLETED' ? 500 : null,
  anomalyRatio: 0.02,
  anomalyRows: status === 'COMPLETED' ? 10 : null,
  sizeBytes: 2048,
  createdAt: '2026-01-01T00:00:00Z',
  progress: null,
  error: null,
  ...extra,
});

describe('the batch list', () => {
  it('shows an empty state without batches', () => {
    render(<BatchList batches={[]} onDownload={vi.fn()} />);
    expect(screen.getByText(/No batches yet/)).toBeInTheDocument();
  });

  it('shows each status, progress while generating, the error of a failed batch', () => {
    render(
      <BatchList
        batches={[
          batch(3, 'GENERATING', { progress: { rows: 250, total: 500 } }),
          batch(2, 'FAILED', { error: 'the model folder is missing' }),
          batch(1, 'COMPLETED'),
        ]}
        onDownload={vi.fn()}
      />,
    );
    expect(screen.getAllByTestId('batch')).toHaveLength(3);
    expect(screen.getByText('Generating', { selector: '[data-status]' })).toBeInTheDocument();
    expect(screen.getByText('250 / 500 rows')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    expect(screen.getByText('the model folder is missing')).toBeInTheDocument();
    expect(screen.getByText(/10 anomalies/)).toBeInTheDocument();
    // Downloads only for the completed batch, in the four formats.
    for (const format of ['CSV', 'JSON', 'SQL', 'Parquet']) {
      expect(screen.getByRole('button', { name: `Download batch 1 as ${format}` })).toBeEnabled();
      expect(screen.queryByRole('button', { name: `Download batch 3 as ${format}` })).toBeNull();
    }
  });

  it('downloads in the chosen format and shows a failure in plain words', async () => {
    const onDownload = vi
      .fn()
      .mockResolvedValueOnce('batch-1.csv')
      .mockRejectedValueOnce(new Error('the batch file was deleted'));
    render(<BatchList batches={[batch(1, 'COMPLETED')]} onDownload={onDownload} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download batch 1 as CSV' }));
    expect(onDownload).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), 'csv');
    await userEvent.click(screen.getByRole('button', { name: 'Download batch 1 as SQL' }));
    await waitFor(() => expect(screen.getByText('the batch file was deleted')).toBeInTheDocument());
    expect(onDownload).toHaveBeenLastCalledWith(expect.objectContaining({ id: 1 }), 'sql');
  });

  it('takes the saved file name from Content-Disposition', () => {
    expect(fileNameFrom('attachment; filename="penguins-7.csv"', 'x')).toBe('penguins-7.csv');
    expect(fileNameFrom("attachment; filename*=UTF-8''pingu%C3%AFns.sql", 'x')).toBe(
      'pinguïns.sql',
    );
    expect(fileNameFrom('attachment; filename=plain.json', 'x')).toBe('plain.json');
    expect(fileNameFrom(null, 'batch-1.csv')).toBe('batch-1.csv');
  });
});
