import { useState } from 'react';
import HistogramChart from './HistogramChart.jsx';

/** Real and synthetic distributions of one chosen column, as overlaid shares. */
export default function HistogramOverlay({ histograms }) {
  const [column, setColumn] = useState(histograms[0]?.column);
  const histogram = histograms.find((h) => h.column === column) ?? histograms[0];
  if (!histogram) return <p className="text-sm text-slate-500">No histograms in this report.</p>;
  return (
    <div>
      <label htmlFor="histogram-column" className="label">
        Column
      </label>
      <select
        id="histogram-column"
        className="input mb-2 sm:w-64"
        value={histogram.column}
        onChange={(e) => setColumn(e.target.value)}
      >
        {histograms.map((h) => (
          <option key={h.column} value={h.column}>
            {h.column}
          </option>
        ))}
      </select>
      <div className="h-64">
        <HistogramChart histogram={histogram} />
      </div>
    </div>
  );
}
