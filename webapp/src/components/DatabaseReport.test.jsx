import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';
import { childrenPerParentHistogram, countBinLabels } from '../lib/databaseReport.js';
import DatabaseReport from './DatabaseReport.jsx';

// The chart as a list of its bins with each side's share, to read what it was given.
vi.mock('react-chartjs-2', () => ({
  Bar: ({ data, 'aria-label': label }) => (
    <ol aria-label={label}>
      {data.labels.map((bin, i) => (
        <li key={bin}>
          {bin}: {data.datasets.map((d) => d.data[i].toFixed(2)).join(' / ')}
        </li>
      ))}
    </ol>
  ),
}));

afterEach(() => vi.unstubAllGlobals());

// Shaped as evaluate_database.py writes it (ai-engine/doppel_engine/_evaluate_database.py).
const franchisesTeams = {
  parent: 'TeamsFranchises',
  child: 'Teams',
  parentColumns: ['franchID'],
  childColumns: ['franchID'],
  orderBy: ['yearID'],
  integrity: { childRows: 1512, orphans: 3, share: 0.998, nullKeys: 0, duplicateParentKeys: 0 },
  childrenPerParent: {
    bins: [0, 1, 2, 4],
    real: {
      parents: 120,
      children: 2940,
      mean: 24.5,
      max: 3,
      childless: 0.25,
      shares: [0.25, 0.5, 0.25],
    },
    synthetic: {
      parents: 60,
      children: 1512,
      mean: 25.2,
      max: 3,
      childless: 0.1,
      shares: [0.1, 0.6, 0.3],
    },
    ksComplement: 0.85,
  },
  pairTrends: { score: 0.91, scored: 6, pairs: [] },
  sequence: { lengthKsComplement: 0.8, orderKept: 0.95, realOrderKept: 1 },
};
const teamsSalaries = {
  parent: 'Teams',
  child: 'Salaries',
  parentColumns: ['yearID', 'teamID'],
  childColumns: ['yearID', 'teamID'],
  integrity: { childRows: 400, orphans: 0, share: 1, nullKeys: 0, duplicateParentKeys: 0 },
  childrenPerParent: { ksComplement: 0.7 },
  pairTrends: { score: null, scored: 0, pairs: [] },
};
const report = {
  tables: {
    TeamsFranchises: {
      quality: { score: 0.87, column_shapes: 0.9, column_pair_trends: 0.84 },
      detection: { score: 0.6 },
      privacy: { score: 0.95 },
    },
    Teams: null,
  },
  relationships: [franchisesTeams, teamsSalaries],
  detection: {
    score: 0.72,
    tables: {
      TeamsFranchises: {
        score: 0.72,
        auc: 0.64,
        verdict: { level: 'good', text: 'A classifier can hardly tell them apart.' },
        columns: [
          { column: 'Teams: rows', auc: 0.61, gives_away: true },
          { column: 'active', auc: 0.52, gives_away: false },
        ],
        childAggregates: ['Teams: rows'],
      },
    },
  },
  summary: {
    tables: 2,
    relationships: 2,
    integrity: 0.9985,
    orphans: 3,
    childrenPerParentKsComplement: 0.775,
    sequenceLengthKsComplement: 0.8,
    orderKept: 0.95,
    pairTrends: 0.91,
    quality: 0.87,
    detection: 0.72,
  },
};

describe('the relational report', () => {
  it('polls while the evaluation computes, then shows each relationship, table and the detection', async () => {
    let calls = 0;
    mockApi({
      'GET /api/database-batches/6/evaluation': () => {
        calls += 1;
        return calls === 1
          ? json({ status: 'RUNNING', startedAt: '2026-01-01T00:00:00Z' }, 202)
          : json({ status: 'COMPLETED', report });
      },
    });
    renderWithProviders(<DatabaseReport batchId={6} />);
    expect(await screen.findByText(/Comparing the synthetic database/)).toBeInTheDocument();
    const first = await screen.findByRole(
      'listitem',
      { name: 'TeamsFranchises(franchID) ← Teams(franchID)' },
      { timeout: 4000 },
    );
    expect(first).toHaveTextContent('ordered by yearID');
    const figures = within(first).getByLabelText(
      'Figures of TeamsFranchises(franchID) ← Teams(franchID)',
    );
    expect(figures).toHaveTextContent('Foreign keys that find their parent99.8%');
    expect(figures).toHaveTextContent('Orphan rows3 of 1,512');
    expect(figures).toHaveTextContent('Children per parent (KS complement)85.0%');
    expect(figures).toHaveTextContent(
      'Real children per parentmean 24.5 · max 3 · 25.0% childless',
    );
    expect(figures).toHaveTextContent('Parent–child pair trends91.0% over 6 pairs');
    expect(figures).toHaveTextContent('Sequence lengths (KS complement)80.0%');
    expect(figures).toHaveTextContent('Sequences in order95.0% (real 100.0%)');
    const chart = within(first).getByRole('list', {
      name: 'Real and synthetic distribution of Teams rows per TeamsFranchises row',
    });
    expect(
      within(chart)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['0: 0.25 / 0.10', '1: 0.50 / 0.60', '2–3: 0.25 / 0.30']);

    // A relationship without a histogram, sequence or pair trends shows what it has.
    const second = screen.getByRole('listitem', {
      name: 'Teams(yearID, teamID) ← Salaries(yearID, teamID)',
    });
    expect(second).toHaveTextContent('Children per parent (KS complement)70.0%');
    expect(second).not.toHaveTextContent('Sequences in order');
    expect(second).not.toHaveTextContent('pair trends');
    expect(within(second).queryByRole('list')).toBeNull();

    const summary = screen.getByLabelText('Summary');
    expect(summary).toHaveTextContent('Orphan rows3');
    expect(summary).toHaveTextContent('Realism of parents with their children72.0%');

    const franchises = screen.getByRole('row', { name: /^TeamsFranchises/ });
    expect(franchises).toHaveTextContent('87.0%90.0%84.0%60.0%95.0%');
    expect(
      screen.getByRole('row', { name: 'Teams not scored in this evaluation' }),
    ).toBeInTheDocument();
    const detection = screen.getByTestId('report-detection');
    expect(detection).toHaveTextContent('TeamsFranchises with its children72.0%good');
    expect(detection).toHaveTextContent('A classifier can hardly tell them apart.');
    expect(detection).toHaveTextContent('Most telling: Teams: rows (AUC 0.61)');
  });

  it('tolerates a report with relationships only', async () => {
    mockApi({
      'GET /api/database-batches/6/evaluation': {
        status: 'COMPLETED',
        report: { relationships: [teamsSalaries] },
      },
    });
    renderWithProviders(<DatabaseReport batchId={6} />);
    expect(
      await screen.findByRole('listitem', {
        name: 'Teams(yearID, teamID) ← Salaries(yearID, teamID)',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Summary')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByTestId('report-detection')).toBeNull();
  });

  it('offers to evaluate a batch that has no evaluation, and shows why one failed', async () => {
    let queued = false;
    const fetch = mockApi({
      'GET /api/database-batches/6/evaluation': () =>
        queued
          ? json({ status: 'FAILED', error: 'synthetic table Teams not found' })
          : json({ title: 'Not found', status: 404, detail: 'no evaluation of batch 6' }, 404),
      'POST /api/database-batches/6/evaluation': () => {
        queued = true;
        return json({ status: 'PENDING' }, 202);
      },
    });
    renderWithProviders(<DatabaseReport batchId={6} />);
    expect(
      await screen.findByText('This database has not been evaluated yet.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Evaluate again' }));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/database-batches/6/evaluation',
        expect.objectContaining({ method: 'POST' }),
      ),
    );
    const failure = await screen.findByRole('alert');
    expect(failure).toHaveTextContent('The evaluation failed');
    expect(failure).toHaveTextContent('synthetic table Teams not found');
  });
});

describe('children per parent as a histogram', () => {
  it('labels each integer bin by the counts it holds', () => {
    expect(countBinLabels([0, 1, 2, 3])).toEqual(['0', '1', '2']);
    expect(countBinLabels([0, 5, 10, 16])).toEqual(['0–4', '5–9', '10–15']);
  });

  it('reads counts in place of shares, and gives nothing without bins', () => {
    const histogram = childrenPerParentHistogram({
      parent: 'People',
      child: 'Salaries',
      childrenPerParent: {
        real: { edges: [0, 1, 2], counts: [10, 30] },
        synthetic: { edges: [0, 1, 2], counts: [20, 20] },
      },
    });
    expect(histogram).toEqual({
      column: 'Salaries rows per People row',
      kind: 'categorical',
      bins: ['0', '1'],
      real: [10, 30],
      synthetic: [20, 20],
    });
    expect(childrenPerParentHistogram({ childrenPerParent: { ksComplement: 1 } })).toBeNull();
  });
});
