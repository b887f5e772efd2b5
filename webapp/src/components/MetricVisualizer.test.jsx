import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import MetricVisualizer from './MetricVisualizer.jsx';
import { mockApi, renderWithProviders } from '../test/utils.jsx';

vi.mock('react-chartjs-2', () => ({
  Bar: (props) => <div role="img" aria-label={props['aria-label']} />,
  Line: () => null,
}));

afterEach(() => vi.unstubAllGlobals());

const report = {
  quality: {
    score: 0.93,
    column_shapes: 0.95,
    column_pair_trends: 0.91,
    columns: [{ column: 'fare', metric: 'KSComplement', score: 0.9 }],
  },
  privacy: {
    score: 0.38,
    dcr_baseline_protection: 0.38,
    exact_copy_share: 0,
    holdout: { dcr_share: 0.49 },
    verdict: { level: 'good', text: 'No synthetic row copies a training row.' },
  },
  detection: {
    score: 0.29,
    auc: 0.855,
    columns: [
      { column: 'fare', auc: 0.94, gives_away: true },
      { column: 'total', auc: 0.7, gives_away: true },
      { column: 'color', auc: 0.51, gives_away: false },
    ],
    verdict: { level: 'poor', text: 'The engine’s sentence about fare.' },
  },
  utility: { target: 'payment', metric: 'roc_auc', training: 0.8, synthetic: 0.79, ratio: 0.9875 },
  charts: {},
};

describe('the evaluation of a model', () => {
  it('leads with realism and names the columns that give synthetic rows away', async () => {
    mockApi({ 'GET /api/models/5/evaluation': { status: 'COMPLETED', report } });
    renderWithProviders(<MetricVisualizer modelId={5} />);

    const realism = await screen.findByTestId('score-realism');
    expect(within(realism).getByText('29%')).toBeInTheDocument();
    expect(within(realism).getByText('poor')).toBeInTheDocument();
    expect(within(realism).getByText('The engine’s sentence about fare.')).toBeInTheDocument();
    expect(within(realism).getByText('Gives rows away: fare')).toBeInTheDocument();
    expect(within(realism).getByText('AUC 0.94')).toBeInTheDocument();
    expect(within(realism).queryByText('Gives rows away: color')).not.toBeInTheDocument();
    const cards = screen.getAllByTestId(/^score-/).map((card) => card.dataset.testid);
    expect(cards).toEqual(['score-realism', 'score-utility', 'score-privacy', 'score-quality']);
    const utility = screen.getByTestId('score-utility');
    expect(within(utility).getByText('99%')).toBeInTheDocument();
    expect(
      within(utility).getByText(/predicts “payment” .* with ROC AUC 0\.79, against 0\.80/),
    ).toBeInTheDocument();
  });

  it('reads privacy with the engine’s verdict against unseen rows', async () => {
    mockApi({ 'GET /api/models/5/evaluation': { status: 'COMPLETED', report } });
    renderWithProviders(<MetricVisualizer modelId={5} />);

    const privacy = await screen.findByTestId('score-privacy');
    expect(
      within(privacy).getByText('No synthetic row copies a training row.'),
    ).toBeInTheDocument();
    expect(within(privacy).getByText('49.0%')).toBeInTheDocument();
    expect(within(privacy).queryByText(/largely copies/)).not.toBeInTheDocument();
  });

  it('shows the realism numbers of an evaluation stored before the engine read them, without a word', async () => {
    const columns = report.detection.columns.map(({ column, auc }) => ({ column, auc }));
    mockApi({
      'GET /api/models/5/evaluation': {
        status: 'COMPLETED',
        report: { ...report, detection: { ...report.detection, verdict: undefined, columns } },
      },
    });
    renderWithProviders(<MetricVisualizer modelId={5} />);

    const realism = await screen.findByTestId('score-realism');
    expect(within(realism).getByText('29%')).toBeInTheDocument();
    expect(within(realism).getByText('Evaluate again for the full reading.')).toBeInTheDocument();
    expect(within(realism).queryByText('poor')).not.toBeInTheDocument();
    expect(within(realism).queryByText(/Gives rows away/)).not.toBeInTheDocument();
    expect(within(realism).getByText('AUC of fare alone')).toBeInTheDocument();
  });

  it('shows the attack risks, the quality check and the fidelity list below the cards', async () => {
    mockApi({ 'GET /api/models/5/evaluation': { status: 'COMPLETED', report } });
    renderWithProviders(<MetricVisualizer modelId={5} />);

    await screen.findByTestId('score-realism');
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings.indexOf('Privacy')).toBeLessThan(headings.indexOf('Attack risks'));
    expect(headings).toContain('Quality checked against sdmetrics');
    expect(screen.getByText('Fidelity per column')).toBeInTheDocument();
  });

  it('shows no realism card for an evaluation made before detection existed', async () => {
    mockApi({
      'GET /api/models/5/evaluation': {
        status: 'COMPLETED',
        report: { ...report, detection: undefined },
      },
    });
    renderWithProviders(<MetricVisualizer modelId={5} />);

    expect(await screen.findByTestId('score-quality')).toBeInTheDocument();
    expect(screen.queryByTestId('score-realism')).not.toBeInTheDocument();
  });

  it('charts each column that gives rows away in the Realism card, and offers the HTML report', async () => {
    const histogram = (column) => ({
      column,
      kind: 'numeric',
      bins: [0, 1, 2],
      real: [0.5, 0.5],
      synthetic: [0.9, 0.1],
    });
    mockApi({
      'GET /api/models/5/evaluation': {
        status: 'COMPLETED',
        report: { ...report, charts: { histograms: ['fare', 'total', 'color'].map(histogram) } },
      },
    });
    renderWithProviders(<MetricVisualizer modelId={5} />);

    const realism = await screen.findByTestId('score-realism');
    const charts = within(realism).getAllByRole('img');
    expect(charts.map((chart) => chart.getAttribute('aria-label'))).toEqual([
      'Real and synthetic distribution of fare',
      'Real and synthetic distribution of total',
    ]);
    expect(screen.getByRole('button', { name: /Download report \(HTML\)/ })).toBeEnabled();
  });

  it('offers no report while the evaluation is computed', async () => {
    mockApi({ 'GET /api/models/5/evaluation': { status: 'RUNNING' } });
    renderWithProviders(<MetricVisualizer modelId={5} />);

    expect(await screen.findByText(/Comparing the synthetic data/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Download report/ })).not.toBeInTheDocument();
  });
});
