import { Line } from 'react-chartjs-2';

const COLOURS = ['#6366f1', '#f97316', '#10b981', '#e11d48', '#0ea5e9'];

/** The loss curves recorded so far, one line per metric the engine reports. */
export default function LossChart({ history }) {
  if (!history?.length) {
    return <p className="text-sm text-slate-500">The loss chart appears after the first epoch.</p>;
  }
  const keys = [...new Set(history.flatMap((h) => Object.keys(h.metrics ?? {})))];
  return (
    <div className="h-56">
      <Line
        role="img"
        aria-label="Loss per epoch"
        data={{
          labels: history.map((h) => h.epoch),
          datasets: keys.map((key, i) => ({
            label: key.replace(/_/g, ' '),
            data: history.map((h) => h.metrics?.[key] ?? null),
            borderColor: COLOURS[i % COLOURS.length],
            backgroundColor: COLOURS[i % COLOURS.length],
            pointRadius: history.length > 60 ? 0 : 2,
            tension: 0.2,
          })),
        }}
        options={{
          scales: { x: { title: { display: true, text: 'Epoch' } } },
          plugins: { legend: { position: 'bottom' } },
        }}
      />
    </div>
  );
}
