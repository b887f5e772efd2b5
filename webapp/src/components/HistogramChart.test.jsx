import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import HistogramChart from './HistogramChart.jsx';

vi.mock('react-chartjs-2', () => ({
  Bar: ({ data }) => (
    <ol>
      {data.labels.map((label) => (
        <li key={label}>{label}</li>
      ))}
    </ol>
  ),
}));

describe('a real-vs-synthetic histogram', () => {
  it('labels datetime bins by their days, whether the report gives ISO text or epoch seconds', () => {
    const iso = {
      column: 'pickup',
      kind: 'datetime',
      bins: ['2019-03-01T01:25:30', '2019-03-16T12:00:00.349999872', '2019-03-31T23:59:59'],
      real: [0.5, 0.5],
      synthetic: [0.4, 0.6],
    };
    const { unmount } = render(<HistogramChart histogram={iso} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2019-03-01–2019-03-16',
      '2019-03-16–2019-03-31',
    ]);
    unmount();

    render(<HistogramChart histogram={{ ...iso, bins: [1551403530, 1552737600, 1554076799] }} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2019-03-01–2019-03-16',
      '2019-03-16–2019-03-31',
    ]);
  });
});
