import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import RulesKept from './RulesKept.jsx';
import { mockApi, renderWithProviders } from '../test/utils.jsx';

afterEach(() => vi.unstubAllGlobals());

const rules = [
  {
    id: 'linear:total',
    kind: 'linear',
    columns: ['total', 'fare', 'tip'],
    text: 'total = fare + tip + a surcharge',
    realShare: 0.993,
  },
  {
    id: 'missing_together:tip',
    kind: 'missing_together',
    columns: ['tip', 'payment'],
    text: 'tip is empty exactly when payment is cash',
    realShare: 1,
  },
];

describe('the rules a model keeps', () => {
  it('lists each rule in words with the shares of real and synthetic rows keeping it', async () => {
    mockApi({
      'GET /api/models/5/evaluation': {
        status: 'COMPLETED',
        report: { rules: [{ id: 'linear:total', real_share: 0.993, synthetic_share: 0.951 }] },
      },
    });
    renderWithProviders(<RulesKept modelId={5} rules={rules} />);

    const [sum, missing] = screen.getAllByTestId('rule');
    expect(within(sum).getByText('total = fare + tip + a surcharge')).toBeInTheDocument();
    expect(within(sum).getByText('99.3%')).toBeInTheDocument();
    expect(await within(sum).findByText('95.1%')).toBeInTheDocument();
    expect(within(missing).getByText('missing together')).toBeInTheDocument();
    expect(within(missing).getByText('100.0%')).toBeInTheDocument();
    expect(within(missing).getByText('–')).toBeInTheDocument();
  });

  it('says so when the training found no rules', () => {
    mockApi({ 'GET /api/models/5/evaluation': { status: 'COMPLETED', report: {} } });
    renderWithProviders(<RulesKept modelId={5} rules={[]} />);

    expect(screen.getByText(/No rules between columns were found/)).toBeInTheDocument();
    expect(screen.queryByTestId('rule')).not.toBeInTheDocument();
  });
});
