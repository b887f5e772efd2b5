import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import QualityCheck from './QualityCheck.jsx';

describe('the quality score checked against sdmetrics', () => {
  it('puts both scores and their difference side by side, with each column typed differently and why', () => {
    const check = {
      computed: true,
      platform_score: 0.954,
      sdmetrics_detected_score: 0.866,
      difference: -0.088,
      tolerance: 0.02,
      agrees: false,
      columns_typed_differently: [
        {
          column: 'year',
          platform_type: 'integer',
          detected_sdtype: 'ordinal',
          why: 'SDV detects ordinal where the platform reads integer: sdmetrics scores it with TVComplement',
        },
      ],
    };
    render(<QualityCheck check={check} />);

    expect(screen.getByText('95.4%')).toBeInTheDocument();
    expect(screen.getByText('86.6%')).toBeInTheDocument();
    expect(
      screen.getByText(/^-8\.8 points: they differ \(agreeing means within 2 points\)$/),
    ).toBeInTheDocument();
    const [row] = screen.getAllByTestId('typed-differently');
    expect(row).toHaveTextContent(/yearintegerordinalSDV detects ordinal/);
  });

  it('says why the check was not computed, as in the permissive install', () => {
    const reason = 'sdmetrics and sdv are not installed in this engine (permissive-only install)';
    render(<QualityCheck check={{ computed: false, reason }} />);

    expect(screen.getByText(`Not computed: ${reason}.`)).toBeInTheDocument();
  });

  it('asks to evaluate again when the evaluation predates the check', () => {
    render(<QualityCheck check={undefined} />);

    expect(screen.getByText(/Evaluate again for the full reading/)).toBeInTheDocument();
  });
});
