import { percent, toneFor } from '../lib/metricWords.js';

/** One 0..1 score, its plain-words reading (a word, when there is one, and a sentence), the numbers behind it and, below them, any children. */
export default function ScoreCard({ title, score, reading, details = [], children }) {
  return (
    <div className="card" data-testid={`score-${title.toLowerCase()}`}>
      <h3 className="text-sm font-medium text-slate-600">{title}</h3>
      <p className="mt-1 flex items-baseline gap-2">
        <span className="text-3xl font-bold tabular-nums">{percent(score)}</span>
        {reading.word && (
          <span className={`rounded px-2 py-0.5 text-sm font-semibold ${toneFor(reading.word)}`}>
            {reading.word}
          </span>
        )}
      </p>
      <p className="mt-1 text-sm text-slate-700">{reading.description}</p>
      {details.length > 0 && (
        <dl className="mt-2 space-y-0.5 text-xs text-slate-600">
          {details.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-2">
              <dt>{label}</dt>
              <dd className="tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </div>
  );
}
