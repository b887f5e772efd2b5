import HistogramChart from './HistogramChart.jsx';

// The card names and charts this many; the downloadable report shows more.
const SHOWN = 3;

/**
 * The columns the engine found to give synthetic rows away (`gives_away`), most telling first.
 * Evaluations stored before the engine judged columns have none.
 */
export function giveawayColumns(detection) {
  return (detection?.columns || [])
    .filter(({ gives_away: givesAway }) => givesAway === true)
    .sort((a, b) => Number(b.auc) - Number(a.auc))
    .slice(0, SHOWN);
}

/** A small real-vs-synthetic chart for each column that gives synthetic rows away. */
export default function GiveawayCharts({ detection, histograms = [] }) {
  const charted = giveawayColumns(detection)
    .map(({ column, auc }) => ({ auc, histogram: histograms.find((h) => h.column === column) }))
    .filter(({ histogram }) => histogram);
  if (charted.length === 0) return null;
  return (
    <ul className="mt-3 space-y-2" aria-label="Columns that give rows away">
      {charted.map(({ auc, histogram }) => (
        <li key={histogram.column} data-testid="giveaway-chart">
          <p className="text-xs text-slate-600">
            <span className="font-medium text-slate-800">{histogram.column}</span> · AUC{' '}
            {Number(auc).toFixed(2)}
          </p>
          <div className="h-28">
            <HistogramChart histogram={histogram} compact />
          </div>
        </li>
      ))}
    </ul>
  );
}
