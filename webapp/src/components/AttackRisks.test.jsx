import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import AttackRisks from './AttackRisks.jsx';

const measured = {
  attacks: 200,
  confidence_level: 0.95,
  singling_out: { risk: 0.06, ci: [0.0, 0.16] },
  linkability: { risk: null, reason: 'fewer than two scored columns to split' },
  inference: { risk: 0.01, ci: [0.0, 0.08], column: 'age' },
};

describe('the attack risks of a model', () => {
  it('says each risk with its confidence interval in plain words, and why one was not measured', () => {
    render(<AttackRisks privacy={{ attacks: measured }} />);

    const risks = screen.getAllByTestId('attack-risk').map((item) => item.textContent);
    expect(risks).toHaveLength(3);
    expect(risks[0]).toMatch(
      /^Singling out \(.*\): 6% risk \(95% sure it lies between 0% and 16%\)\.$/,
    );
    expect(risks[1]).toMatch(
      /^Linkability .*: not measured: fewer than two scored columns to split\.$/,
    );
    expect(risks[2]).toMatch(
      /most exposed column: age\): 1% risk \(95% sure it lies between 0% and 8%\)/,
    );
  });

  it('gives the engine’s reason when no attack could run', () => {
    render(
      <AttackRisks privacy={{ attacks: { attacks: 0, reason: 'fewer than 20 rows to attack' } }} />,
    );

    expect(screen.getByText('Not measured: fewer than 20 rows to attack.')).toBeInTheDocument();
    expect(screen.queryByTestId('attack-risk')).not.toBeInTheDocument();
  });

  it('tells a model without held-out rows from an evaluation made before the attacks existed', () => {
    const { unmount } = render(<AttackRisks privacy={{ attacks: null }} />);
    expect(screen.getByText(/kept no real rows out of training/)).toBeInTheDocument();
    unmount();

    render(<AttackRisks privacy={{ score: 0.8 }} />);
    expect(screen.getByText(/Evaluate again for the full reading/)).toBeInTheDocument();
  });
});
