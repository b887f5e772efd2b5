import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import GiveawayCharts from './GiveawayCharts.jsx';

vi.mock('react-chartjs-2', () => ({
  Bar: (props) => <div role="img" aria-label={props['aria-label']} />,
}));

const histogram = (column) => ({
  column,
  kind: 'categorical',
  bins: ['a', 'b'],
  real: [0.5, 0.5],
  synthetic: [0.6, 0.4],
});

describe('the charts of the columns that give synthetic rows away', () => {
  it('draw each column the engine says gives rows away, most telling first', () => {
    const detection = {
      columns: [
        { column: 'total', auc: 0.7, gives_away: true },
        { column: 'color', auc: 0.66, gives_away: false },
        { column: 'fare', auc: 0.94, gives_away: true },
      ],
    };
    render(
      <GiveawayCharts
        detection={detection}
        histograms={['color', 'fare', 'total'].map(histogram)}
      />,
    );

    const charts = screen.getAllByRole('img').map((chart) => chart.getAttribute('aria-label'));
    expect(charts).toEqual([
      'Real and synthetic distribution of fare',
      'Real and synthetic distribution of total',
    ]);
    expect(screen.getByText('fare').parentElement).toHaveTextContent('fare · AUC 0.94');
  });

  it('draw the three most telling only, and skip a column the report holds no histogram of', () => {
    const detection = {
      columns: ['a', 'b', 'c', 'd'].map((column, i) => ({
        column,
        auc: 0.9 - i / 10,
        gives_away: true,
      })),
    };
    render(<GiveawayCharts detection={detection} histograms={['b', 'c', 'd'].map(histogram)} />);

    expect(screen.getAllByTestId('giveaway-chart').map((chart) => chart.textContent)).toEqual([
      'b · AUC 0.80',
      'c · AUC 0.70',
    ]);
  });

  it('draw nothing when no column gives rows away, or the evaluation predates that judgement', () => {
    for (const column of [
      { column: 'fare', auc: 0.52, gives_away: false },
      { column: 'fare', auc: 0.94 },
    ]) {
      const { container, unmount } = render(
        <GiveawayCharts detection={{ columns: [column] }} histograms={[histogram('fare')]} />,
      );
      expect(container).toBeEmptyDOMElement();
      unmount();
    }
  });
});
