import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDatasetStats, updateSchema } from '../api/endpoints.js';
import { COLUMN_TYPES } from '../lib/inferTypes.js';
import { formatNumber } from '../lib/format.js';
import ColumnChart from './ColumnChart.jsx';
import { ErrorMessage, Loading } from './Feedback.jsx';

function ColumnCard({ column, type, onType, error }) {
  const id = `schema-${column.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li className="card" data-testid="column-profile">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h4 className="break-all font-semibold">{column.name}</h4>
        <div>
          <label htmlFor={id} className="sr-only">
            Type of column {column.name}
          </label>
          <select
            id={id}
            className={`input w-auto py-0.5 text-xs ${error ? 'input-invalid' : ''}`}
            value={type}
            onChange={(e) => onType(e.target.value)}
          >
            {COLUMN_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <dl className="my-2 grid grid-cols-3 gap-1 text-xs">
        <div>
          <dt className="text-slate-500">Nulls</dt>
          <dd>
            {formatNumber(column.nullCount)} ({formatNumber((column.nullRatio ?? 0) * 100, 1)}%)
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Distinct</dt>
          <dd>
            {column.distinctExact === false ? '≈' : ''}
            {formatNumber(column.distinctCount)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{column.summary ? 'Mean' : 'Inferred'}</dt>
          <dd>
            {column.summary
              ? (column.summary.labels?.mean ?? formatNumber(column.summary.mean))
              : column.inferredType}
          </dd>
        </div>
      </dl>
      <ColumnChart column={column} />
    </li>
  );
}

/** The server's profile of an uploaded dataset, with per-column type overrides. */
export default function DatasetProfile({ datasetId }) {
  const queryClient = useQueryClient();
  const stats = useQuery({
    queryKey: ['dataset-stats', datasetId],
    queryFn: () => getDatasetStats(datasetId),
  });
  const [changes, setChanges] = useState({});
  const [fieldErrors, setFieldErrors] = useState({});
  const save = useMutation({
    mutationFn: () => updateSchema(datasetId, changes),
    onSuccess: () => {
      setChanges({});
      setFieldErrors({});
      queryClient.invalidateQueries({ queryKey: ['dataset-stats', datasetId] });
      queryClient.invalidateQueries({ queryKey: ['dataset', String(datasetId)] });
      queryClient.invalidateQueries({ queryKey: ['datasets'] });
    },
    onError: (error) => {
      if (error.field) setFieldErrors({ [error.field.replace(/^columns\./, '')]: error.message });
    },
  });

  if (stats.isPending) return <Loading label="Profiling the dataset…" />;
  if (stats.error)
    return (
      <ErrorMessage
        error={stats.error}
        title="Could not load the profile"
        onRetry={stats.refetch}
      />
    );
  const { columns, rowCount } = stats.data;
  const dirty = Object.keys(changes).length > 0;
  return (
    <section aria-labelledby="profile-title">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h3 id="profile-title" className="text-lg font-semibold">
          Profile
        </h3>
        <span className="text-sm text-slate-600">
          {formatNumber(rowCount)} rows · {columns.length} columns
        </span>
        {dirty && (
          <button
            type="button"
            className="btn-primary ml-auto"
            onClick={() => save.mutate()}
            disabled={save.isPending}
          >
            {save.isPending ? 'Saving…' : 'Save column types'}
          </button>
        )}
      </div>
      {save.error && !save.error.field && (
        <ErrorMessage error={save.error} title="Could not change the types" />
      )}
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {columns.map((column) => (
          <ColumnCard
            key={column.name}
            column={column}
            type={changes[column.name] ?? column.type}
            error={fieldErrors[column.name]}
            onType={(type) =>
              setChanges((current) => {
                const next = { ...current, [column.name]: type };
                if (type === column.type) delete next[column.name];
                return next;
              })
            }
          />
        ))}
      </ul>
    </section>
  );
}
