// Chart.js has no heatmap, so correlations are drawn as a CSS grid of coloured cells.

/** Blue for negative, red for positive, white at zero; |value| ≤ `range`. */
export function cellColour(value, range = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '#e2e8f0';
  const t = Math.max(-1, Math.min(1, value / range));
  const fade = Math.round(255 * (1 - Math.abs(t)));
  return t >= 0 ? `rgb(255, ${fade}, ${fade})` : `rgb(${fade}, ${fade}, 255)`;
}

export default function Heatmap({ title, columns, matrix, range = 1 }) {
  const n = columns.length;
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-sm font-medium">{title}</figcaption>
      <div className="overflow-x-auto">
        <div
          role="table"
          aria-label={title}
          className="inline-grid gap-px bg-white text-[10px]"
          style={{ gridTemplateColumns: `minmax(4rem, auto) repeat(${n}, 1.75rem)` }}
        >
          <div role="row" className="contents">
            <span role="columnheader" />
            {columns.map((c) => (
              <span
                key={c}
                role="columnheader"
                title={c}
                className="h-24 overflow-hidden text-ellipsis whitespace-nowrap [writing-mode:vertical-rl]"
              >
                {c}
              </span>
            ))}
          </div>
          {columns.map((row, i) => (
            <div role="row" key={row} className="contents">
              <span role="rowheader" title={row} className="truncate pr-1 text-right leading-7">
                {row}
              </span>
              {columns.map((col, j) => {
                const value = matrix?.[i]?.[j];
                return (
                  <span
                    key={col}
                    role="cell"
                    title={`${row} × ${col}: ${value == null ? 'n/a' : value.toFixed(2)}`}
                    className="h-7 w-7"
                    style={{ backgroundColor: cellColour(value, range) }}
                  />
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </figure>
  );
}
