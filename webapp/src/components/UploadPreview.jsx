import { COLUMN_TYPES } from '../lib/inferTypes.js';

const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * The browser's first look at a dropped file: its first rows and each column's inferred type,
 * which the user may change before uploading.
 */
export default function UploadPreview({ inference, types, onTypeChange, errors = {}, rows = 8 }) {
  const { columns, delimiter, sampledRows } = inference;
  return (
    <section aria-labelledby="preview-title" className="mt-4">
      <h3 id="preview-title" className="font-semibold">
        Preview
      </h3>
      <p className="mb-2 text-sm text-slate-600">
        {columns.length} columns, {DELIMITER_NAMES[delimiter] || delimiter}-separated; types guessed
        from the first {sampledRows.toLocaleString('en-US')} rows. Change a type if the guess is
        wrong; the server checks the whole file.
      </p>
      <div className="relative overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-left text-sm" data-testid="upload-preview">
          <thead className="bg-slate-100 align-top">
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className="px-2 py-2 font-medium">
                  <div className="whitespace-nowrap">{column.name}</div>
                  <label htmlFor={`type-${index}`} className="sr-only">
                    Type of column {column.name}
                  </label>
                  <select
                    id={`type-${index}`}
                    data-column={column.name}
                    className={`input mt-1 w-auto py-1 text-xs ${errors[column.name] ? 'input-invalid' : ''}`}
                    value={types[column.name] ?? column.type}
                    onChange={(e) => onTypeChange(column.name, e.target.value)}
                  >
                    {COLUMN_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {type}
                      </option>
                    ))}
                  </select>
                  {column.datetimeFormat && (
                    <div className="mt-0.5 text-xs font-normal text-slate-500">
                      {column.datetimeFormat}
                    </div>
                  )}
                  {errors[column.name] && (
                    <p className="field-error max-w-[14rem] font-normal" role="alert">
                      {errors[column.name]}
                    </p>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {inference.rows.slice(0, rows).map((row, r) => (
              <tr key={r} className="border-t border-slate-100">
                {columns.map((_, c) => (
                  <td key={c} className="max-w-[12rem] truncate whitespace-nowrap px-2 py-1">
                    {row[c] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
