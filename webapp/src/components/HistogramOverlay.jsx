import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { formatNumber, toShares } from '../lib/format.js';

function binLabels(histogram) {
  if (histogram.kind === 'categorical') return histogram.bins.map(String);
  const edges = histogram.bins;
  const asDate = histogram.kind === 'datetime';
  const show = (v) =>
    asDate && typeof v === 'number'
      ? new Date(v * 1000).toISOString().slice(0, 10)
      : formatNumber(v);
  return histogram.real.map((_, i) => `${show(edges[i])}–${show(edges[i + 1])}`);
}

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
        <Bar
          role="img"
          aria-label={`Real and synthetic distribution of ${histogram.column}`}
          data={{
            labels: binLabels(histogram),
            datasets: [
              {
                label: 'Real',
                data: toShares(histogram.real),
                backgroundColor: 'rgba(99, 102, 241, 0.55)',
                borderColor: 'rgb(99, 102, 241)',
                borderWidth: 1,
              },
              {
                label: 'Synthetic',
                data: toShares(histogram.synthetic),
                backgroundColor: 'rgba(249, 115, 22, 0.45)',
                borderColor: 'rgb(249, 115, 22)',
                borderWidth: 1,
              },
            ],
          }}
          options={{
            grouped: false,
            barPercentage: 1,
            categoryPercentage: 0.95,
            plugins: {
              legend: { position: 'bottom' },
              tooltip: {
                callbacks: {
                  label: (ctx) => `${ctx.dataset.label}: ${(ctx.parsed.y * 100).toFixed(1)}%`,
                },
              },
            },
            scales: {
              y: {
                title: { display: true, text: 'Share of rows' },
                ticks: { callback: (value) => `${Math.round(value * 1000) / 10}%` },
              },
              x: { ticks: { font: { size: 10 } } },
            },
          }}
        />
      </div>
    </div>
  );
}
