import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import ColumnEncodings from './ColumnEncodings.jsx';

describe('how each column is learned', () => {
  it('lists each column with its encoding and why it was chosen, folded', () => {
    const encodings = [
      {
        column: 'fare',
        encoding: 'TABULAR_NUMERIC_DIGIT',
        reason: '4 digit positions: learned digit by digit',
      },
      {
        column: 'color',
        encoding: 'TABULAR_CATEGORICAL',
        reason: '3 distinct values: learned as categories',
      },
    ];
    render(<ColumnEncodings encodings={encodings} />);

    expect(screen.getByText('How each column is learned (2 columns)')).toBeInTheDocument();
    expect(screen.getAllByTestId('encoding').map((row) => row.textContent)).toEqual([
      'fareTABULAR_NUMERIC_DIGIT4 digit positions: learned digit by digit',
      'colorTABULAR_CATEGORICAL3 distinct values: learned as categories',
    ]);
  });

  it('shows nothing for a model whose algorithm does not choose per column', () => {
    const { container } = render(<ColumnEncodings encodings={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
