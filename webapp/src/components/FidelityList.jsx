import { EVALUATE_AGAIN, percent } from '../lib/metricWords.js';

const pairName = (pair) => pair.columns.join(' + ');

/**
 * Every column and every pair of columns: how the quality score compared it, or why it left it
 * out. Folded by default: the headline cards carry the summary.
 */
export default function FidelityList({ quality = {}, fidelity }) {
  const scoredPairs = (quality.pairs ?? []).filter(
    (p) => p.score !== null && p.score !== undefined,
  );
  if (!fidelity) {
    // Evaluations stored before the engine described its coverage hold the scored columns only.
    if (!quality.columns?.length) return null;
    return (
      <details className="card text-sm">
        <summary className="cursor-pointer font-semibold">Fidelity per column</summary>
        <p className="mt-2 text-slate-600">
          The columns scored; why any other column or pair was left out is not in this evaluation.{' '}
          {EVALUATE_AGAIN}
        </p>
        <ColumnTable columns={quality.columns.map((c) => ({ ...c, scored: true }))} />
      </details>
    );
  }
  const columns = fidelity.columns ?? [];
  const pairs = fidelity.pairs ?? { scored: 0, total: 0, left_out: [] };
  const scoredColumns = columns.filter((c) => c.scored).length;
  return (
    <details className="card text-sm" data-testid="fidelity">
      <summary className="cursor-pointer font-semibold">
        Fidelity: {scoredColumns} of {columns.length} columns and {pairs.scored} of {pairs.total}{' '}
        column pairs scored
      </summary>
      <h4 className="mt-3 font-medium">Columns</h4>
      <ColumnTable columns={columns} />
      <h4 className="mt-3 font-medium">Pairs of columns</h4>
      <p className="text-slate-600">
        Only related pairs count towards the pair trends; the rest are listed with the reason.
      </p>
      <CoverageTable
        label="Pair"
        testId="fidelity-pair"
        rows={[
          ...scoredPairs.map((p) => ({ ...p, name: pairName(p), scored: true })),
          ...(pairs.left_out ?? []).map((p) => ({ ...p, name: pairName(p), scored: false })),
        ]}
      />
    </details>
  );
}

function ColumnTable({ columns }) {
  return (
    <CoverageTable
      label="Column"
      testId="fidelity-column"
      rows={columns.map((c) => ({ ...c, name: c.column }))}
    />
  );
}

/** Rows of {name, metric, scored, score or reason}: the score when scored, else why left out. */
function CoverageTable({ label, testId, rows }) {
  return (
    <table className="mt-1 w-full text-left">
      <thead>
        <tr className="text-slate-500">
          <th scope="col">{label}</th>
          <th scope="col">Metric</th>
          <th scope="col">Score, or why left out</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className="border-t border-slate-100" data-testid={testId}>
            <td>{row.name}</td>
            <td>{row.metric ?? '–'}</td>
            {row.scored ? (
              <td className="tabular-nums">{percent(row.score, 1)}</td>
            ) : (
              <td className="text-slate-600">left out: {row.reason}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
