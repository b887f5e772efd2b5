import { formatNumber } from '../lib/format.js';
import { fixedColumns, shareColumns, sharesTotal } from '../lib/sampleConditions.js';
import { FieldError } from './Feedback.jsx';

export const NO_CONDITIONS = {
  mode: 'none',
  fixed: [{ column: '', value: '' }],
  shares: { column: '', percents: {} },
};

/**
 * The conditions of a sample: none, fixed values, or target shares of one column, offering only
 * the `modes` the model's algorithm can do and the values the dataset's profile saw.
 */
export default function ConditionsEditor({ modes, columns, value, onChange, errors }) {
  const change = (part) => onChange({ ...value, ...part });
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">Conditions</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {[{ id: 'none', label: 'No conditions' }, ...modes].map((mode) => (
          <label key={mode.id} className="flex items-center gap-2">
            <input
              type="radio"
              name="condition-mode"
              value={mode.id}
              checked={value.mode === mode.id}
              onChange={() => change({ mode: mode.id })}
            />
            {mode.label}
          </label>
        ))}
      </div>
      {value.mode === 'fixed' && (
        <FixedValues
          columns={fixedColumns(columns)}
          fixed={value.fixed}
          onChange={(fixed) => change({ fixed })}
          error={errors.conditions}
        />
      )}
      {value.mode === 'shares' && (
        <TargetShares
          columns={shareColumns(columns)}
          shares={value.shares}
          onChange={(shares) => change({ shares })}
          error={errors.shares}
        />
      )}
    </fieldset>
  );
}

const OFFERS_VALUES = ['categorical', 'boolean'];

/** A select of `columns` by name; `errorId` names the error it is marked with, when there is one. */
function ColumnPicker({ id, label, columns, value, onChange, errorId }) {
  return (
    <div className="w-48">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        id={id}
        className={`input ${errorId ? 'input-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={errorId}
      >
        <option value="">Pick a column</option>
        {columns.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function FixedValues({ columns, fixed, onChange, error }) {
  const update = (index, part) =>
    onChange(fixed.map((row, i) => (i === index ? { ...row, ...part } : row)));
  const describedBy = error ? 'conditions-error' : undefined;
  return (
    <div className="space-y-2">
      {fixed.map((row, i) => {
        const column = columns.find((c) => c.name === row.column);
        const offered = OFFERS_VALUES.includes(column?.type) ? (column.topValues ?? []) : [];
        const range = column?.summary
          ? `${formatNumber(column.summary.min)} to ${formatNumber(column.summary.max)}`
          : undefined;
        return (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <ColumnPicker
              id={`condition-column-${i}`}
              label={
                <>
                  Column<span className="sr-only"> of fixed value {i + 1}</span>
                </>
              }
              columns={columns}
              value={row.column}
              onChange={(name) => update(i, { column: name, value: '' })}
              errorId={describedBy}
            />
            <div className="w-56">
              <label htmlFor={`condition-value-${i}`} className="label">
                Value<span className="sr-only"> of fixed value {i + 1}</span>
              </label>
              <input
                id={`condition-value-${i}`}
                className={`input ${error ? 'input-invalid' : ''}`}
                list={offered.length > 0 ? `condition-values-${i}` : undefined}
                placeholder={range}
                value={row.value}
                onChange={(e) => update(i, { value: e.target.value })}
                aria-describedby={describedBy}
              />
              {offered.length > 0 && (
                <datalist id={`condition-values-${i}`}>
                  {offered.map((bar) => (
                    <option key={bar.value} value={bar.value} />
                  ))}
                </datalist>
              )}
            </div>
            {fixed.length > 1 && (
              <button
                type="button"
                className="btn-secondary"
                aria-label={`Remove fixed value ${i + 1}`}
                onClick={() => onChange(fixed.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="btn-secondary"
        onClick={() => onChange([...fixed, { column: '', value: '' }])}
      >
        Add a fixed value
      </button>
      <FieldError id="conditions-error" message={error} />
    </div>
  );
}

function TargetShares({ columns, shares, onChange, error }) {
  const column = columns.find((c) => c.name === shares.column);
  const total = sharesTotal(shares.percents);
  const describedBy = error ? 'shares-error' : undefined;
  return (
    <div className="space-y-2">
      <ColumnPicker
        id="shares-column"
        label="Column to rebalance"
        columns={columns}
        value={shares.column}
        onChange={(name) => onChange({ column: name, percents: {} })}
        errorId={describedBy}
      />
      {column && (
        <>
          <p className="text-sm text-slate-600">
            The share of the rows each value should have, in percent; values left empty get no rows.
          </p>
          <div className="grid gap-2 sm:grid-cols-3">
            {column.topValues.map((bar, i) => (
              <div key={bar.value}>
                <label htmlFor={`share-${i}`} className="label">
                  Share of {bar.value} (%)
                </label>
                <input
                  id={`share-${i}`}
                  inputMode="decimal"
                  className={`input ${error ? 'input-invalid' : ''}`}
                  placeholder={`${formatNumber(bar.share * 100, 1)} in the data`}
                  value={shares.percents[bar.value] ?? ''}
                  onChange={(e) =>
                    onChange({
                      ...shares,
                      percents: { ...shares.percents, [bar.value]: e.target.value },
                    })
                  }
                  aria-describedby={describedBy}
                />
              </div>
            ))}
          </div>
          <p className="text-sm tabular-nums text-slate-700">
            {Number.isFinite(total)
              ? `Total: ${formatNumber(total)}% of 100%`
              : 'Total: – (a share is not a number)'}
          </p>
        </>
      )}
      <FieldError id="shares-error" message={error} />
    </div>
  );
}
