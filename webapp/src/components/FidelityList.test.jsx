import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import FidelityList from './FidelityList.jsx';

const quality = {
  columns: [{ column: 'age', metric: 'KSComplement', score: 0.91 }],
  pairs: [
    { columns: ['age', 'fnlwgt'], metric: 'CorrelationSimilarity', score: 0.97 },
    { columns: ['age', 'workclass'], metric: 'ContingencySimilarity', score: null },
  ],
};
const fidelity = {
  columns: [
    { column: 'age', type: 'integer', scored: true, metric: 'KSComplement', score: 0.91 },
    {
      column: 'rownames',
      type: 'id',
      scored: false,
      metric: null,
      score: null,
      reason: 'id column',
    },
  ],
  pairs: {
    scored: 1,
    total: 2,
    left_out: [
      {
        columns: ['age', 'workclass'],
        metric: 'ContingencySimilarity',
        reason: 'real Cramér’s V 0.13 is at most 0.3',
      },
    ],
  },
};

describe('the fidelity list', () => {
  it('lists every column and pair, how each was scored or why it was left out, folded', () => {
    render(<FidelityList quality={quality} fidelity={fidelity} />);

    expect(screen.getByTestId('fidelity')).not.toHaveAttribute('open');
    expect(
      screen.getByText('Fidelity: 1 of 2 columns and 1 of 2 column pairs scored'),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('fidelity-column').map((row) => row.textContent)).toEqual([
      'ageKSComplement91.0%',
      'rownames–left out: id column',
    ]);
    expect(screen.getAllByTestId('fidelity-pair').map((row) => row.textContent)).toEqual([
      'age + fnlwgtCorrelationSimilarity97.0%',
      'age + workclassContingencySimilarityleft out: real Cramér’s V 0.13 is at most 0.3',
    ]);
  });

  it('shows the scored columns of an older evaluation and asks to evaluate again for the rest', () => {
    render(<FidelityList quality={quality} />);

    expect(screen.getAllByTestId('fidelity-column').map((row) => row.textContent)).toEqual([
      'ageKSComplement91.0%',
    ]);
    expect(screen.getByText(/Evaluate again for the full reading/)).toBeInTheDocument();
  });
});
