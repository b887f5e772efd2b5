import { useState } from 'react';
import { formatNumber } from '../lib/format.js';

const PAGE_ROWS = 50;

/** Sampled rows as a table, a page of PAGE_ROWS at a time; an empty cell is a missing value. */
export default function SampleTable({ columns, rows }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const first = page * PAGE_ROWS;
  const shown = rows.slice(first, first + PAGE_ROWS);
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table aria-label="Sampled rows" className="min-w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={first + r} className="border-t border-slate-100">
                {columns.map((column) => (
                  <td
                    key={column}
                    data-column={column}
                    className="max-w-[12rem] truncate whitespace-nowrap px-2 py-1"
                  >
                    {row[column] === null || row[column] === undefined ? '' : String(row[column])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Pages of sampled rows" className="flex items-center gap-2 text-sm">
          <button
            type="button"
            className="btn-secondary"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            Previous page
          </button>
          <span className="tabular-nums text-slate-600">
            Rows {formatNumber(first + 1)}–{formatNumber(first + shown.length)} of{' '}
            {formatNumber(rows.length)}
          </span>
          <button
            type="button"
            className="btn-secondary"
            disabled={page === pages - 1}
            onClick={() => setPage(page + 1)}
          >
            Next page
          </button>
        </nav>
      )}
    </div>
  );
}
