import { Bar } from 'react-chartjs-2';
import { formatNumber, toShares } from '../lib/format.js';

function binLabels(histogram) {
  if (histogram.kind === 'categorical') return histogram.bins.map(String);
  const edges = histogram.bins;
  const asDate = histogram.kind === 'datetime';
  // Datetime edges come as ISO strings (older reports: epoch seconds); the day is label enough.
  const show = (v) => {
    if (asDate && typeof v === 'number') return new Date(v * 1000).toISOString().slice(0, 10);
    if (asDate && typeof v === 'string') return v.slice(0, 10);
    return formatNumber(v);
  };
  return histogram.real.map((_, i) => `${show(edges[i])}–${show(edges[i + 1])}`);
}

/**
 * One column’s real and synthetic distributions as overlaid shares. `compact` drops the legend, the
 * axis titles and the bin labels and fills its container’s height, for a small chart beside other
 * content.
 */
export default function HistogramChart({ histogram, compact = false }) {
  return (
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
        maintainAspectRatio: !compact,
        grouped: false,
        barPercentage: 1,
        categoryPercentage: 0.95,
        plugins: {
          legend: { display: !compact, position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (ctx) => `${ctx.dataset.label}: ${(ctx.parsed.y * 100).toFixed(1)}%`,
            },
          },
        },
        scales: {
          y: {
            title: { display: !compact, text: 'Share of rows' },
            ticks: { callback: (value) => `${Math.round(value * 1000) / 10}%` },
          },
          // A small chart has no room for bin labels; its tooltips name the bins.
          x: { ticks: { display: !compact, font: { size: 10 } } },
        },
      }}
    />
  );
}
