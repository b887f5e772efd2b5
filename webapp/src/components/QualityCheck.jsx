import { EVALUATE_AGAIN, percent } from '../lib/metricWords.js';

function points(difference) {
  const value = Number(difference) * 100;
  return `${value > 0 ? '+' : ''}${value.toFixed(1)} points`;
}

/**
 * The quality score checked against sdmetrics' QualityReport on the same rows with the column
 * types SDV detects by itself, and every column the two type differently.
 */
export default function QualityCheck({ check }) {
  let body;
  if (check === undefined || check === null) {
    body = <p>This evaluation was made before the check existed. {EVALUATE_AGAIN}</p>;
  } else if (!check.computed) {
    body = <p>Not computed: {check.reason}.</p>;
  } else {
    const differently = check.columns_typed_differently ?? [];
    body = (
      <>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
          <dt>This report’s quality</dt>
          <dd className="tabular-nums">{percent(check.platform_score, 1)}</dd>
          <dt>sdmetrics, with the types SDV detects</dt>
          <dd className="tabular-nums">{percent(check.sdmetrics_detected_score, 1)}</dd>
          <dt>Difference (sdmetrics − this report)</dt>
          <dd className="tabular-nums">
            {check.difference === null || check.difference === undefined
              ? '–'
              : `${points(check.difference)}: ${check.agrees ? 'they agree' : 'they differ'} (agreeing means within ${(Number(check.tolerance) * 100).toFixed(0)} points)`}
          </dd>
        </dl>
        {differently.length === 0 ? (
          <p>SDV detects every column as this report types it.</p>
        ) : (
          <table className="w-full text-left">
            <thead>
              <tr className="text-slate-500">
                <th scope="col">Column typed differently</th>
                <th scope="col">Here</th>
                <th scope="col">SDV detects</th>
                <th scope="col">Why the scores differ</th>
              </tr>
            </thead>
            <tbody>
              {differently.map((c) => (
                <tr
                  key={c.column}
                  className="border-t border-slate-100"
                  data-testid="typed-differently"
                >
                  <td>{c.column}</td>
                  <td>{c.platform_type}</td>
                  <td>{c.detected_sdtype ?? '–'}</td>
                  <td>{c.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  }
  return (
    <section
      aria-labelledby="quality-check-title"
      className="card space-y-2 text-sm text-slate-700"
    >
      <h3 id="quality-check-title" className="font-semibold text-slate-900">
        Quality checked against sdmetrics
      </h3>
      {body}
    </section>
  );
}
