import { useQuery } from '@tanstack/react-query';
import { getEvaluation } from '../api/endpoints.js';
import { percent } from '../lib/metricWords.js';

/**
 * The rules the training found between columns (a sum, an order, a dependency, …), with the share
 * of real rows that keep each and, once the evaluation has measured it, the share of synthetic rows.
 */
export default function RulesKept({ modelId, rules = [] }) {
  // The same query the quality report reads: one request serves both.
  const evaluation = useQuery({
    queryKey: ['evaluation', String(modelId)],
    queryFn: () => getEvaluation(modelId),
  });
  const synthetic = new Map(
    (evaluation.data?.report?.rules ?? []).map((rule) => [rule.id, rule.synthetic_share]),
  );
  return (
    <section aria-labelledby="rules-title" className="card space-y-2">
      <h2 id="rules-title" className="text-lg font-semibold">
        Rules kept
      </h2>
      {rules.length === 0 ? (
        <p className="text-sm text-slate-600">
          No rules between columns were found when this model was trained.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            Relations found in the real rows. Generation keeps every one unless you switch it off
            below.
          </p>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-slate-500">
                <th scope="col">Rule</th>
                <th scope="col">Kind</th>
                <th scope="col" className="text-right">
                  Real rows keeping it
                </th>
                <th scope="col" className="text-right">
                  Synthetic rows keeping it
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id} className="border-t border-slate-100" data-testid="rule">
                  <td>{rule.text}</td>
                  <td>{rule.kind.replace(/_/g, ' ')}</td>
                  <td className="text-right tabular-nums">{percent(rule.realShare, 1)}</td>
                  <td className="text-right tabular-nums">{percent(synthetic.get(rule.id), 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
