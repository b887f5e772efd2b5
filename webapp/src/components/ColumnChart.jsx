import { Bar } from 'react-chartjs-2';
import { formatNumber } from '../lib/format.js';

/** A column's distribution from the server profile: histogram bins, else its top values. */
export default function ColumnChart({ column }) {
  let labels;
  let counts;
  let title;
  if (column.histogram?.bins?.length) {
    labels = column.histogram.bins.map(
      (bin) => bin.label ?? `${formatNumber(bin.start)}–${formatNumber(bin.end)}`,
    );
    counts = column.histogram.bins.map((bin) => bin.count);
    title = 'Histogram';
  } else if (column.topValues?.length) {
    labels = column.topValues.map((v) => String(v.value));
    counts = column.topValues.map((v) => v.count);
    if (column.otherCount > 0) {
      labels.push('(other)');
      counts.push(column.otherCount);
    }
    title = 'Most frequent values';
  } else {
    return <p className="text-xs text-slate-500">No values to chart.</p>;
  }
  const horizontal = !column.histogram;
  return (
    <figure>
      <figcaption className="sr-only">
        {title} of {column.name}
      </figcaption>
      <div className="h-40">
        <Bar
          aria-label={`${title} of ${column.name}`}
          role="img"
          data={{
            labels,
            datasets: [{ label: 'Rows', data: counts, backgroundColor: '#6366f1' }],
          }}
          options={{
            indexAxis: horizontal ? 'y' : 'x',
            plugins: { legend: { display: false } },
            scales: {
              x: { ticks: { maxRotation: 0, autoSkip: true, font: { size: 10 } } },
              y: { ticks: { font: { size: 10 } } },
            },
            ...(horizontal ? {} : { barPercentage: 1, categoryPercentage: 1 }),
          }}
        />
      </div>
    </figure>
  );
}
