import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { generateDatabase, listDatabaseBatches } from '../api/endpoints.js';
import { downloadDatabaseBatch } from '../api/download.js';
import { anomalyRequest, checkAnomalyShare } from '../lib/anomalies.js';
import { checkScale, parseFixedValues, rootTables } from '../lib/databaseModels.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { checkSeed } from '../lib/tableRules.js';
import { ACTIVE_BATCH } from './BatchList.jsx';
import DatabaseExport from './DatabaseExport.jsx';
import DatabaseReport from './DatabaseReport.jsx';
import { EmptyState, ErrorMessage, Loading, StatusBadge } from './Feedback.jsx';
import TextField from './TextField.jsx';

export const DATABASE_FORMATS = [
  { id: 'csv', label: 'CSV (zip)' },
  { id: 'parquet', label: 'Parquet (zip)' },
  { id: 'sql', label: 'SQL script' },
];
export const SQL_DIALECTS = [
  { id: 'mysql', label: 'MySQL / MariaDB' },
  { id: 'postgresql', label: 'PostgreSQL' },
];

/** The query that lists a database model's batches: generating one refreshes it. */
export const databaseBatchesKey = (modelId) => ['database-batches', String(modelId)];

/**
 * The form field a refusal names, when it is one the form shows beside its input: scale, seed, a
 * table's anomaly share or a table's fixed values.
 */
function fieldOf(error) {
  if (error.field === 'scale' || error.field === 'seed') return error.field;
  if (/^anomalies\..+\.ratio$/.test(error.field ?? '')) return 'anomalyShare';
  if (/^conditions\.[^.]+$/.test(error.field ?? '')) return error.field;
  return null;
}

function GenerateDatabase({ model }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [scale, setScale] = useState('1');
  const [seed, setSeed] = useState('');
  const [anomalyTables, setAnomalyTables] = useState([]);
  const [anomalyShare, setAnomalyShare] = useState('2');
  const [fixedValues, setFixedValues] = useState({});
  const [errors, setErrors] = useState({});
  const tables = model.tables ?? [];
  const roots = rootTables(model);
  const start = useMutation({
    mutationFn: () => {
      const request = { scale: Number(scale) };
      if (seed.trim() !== '') request.seed = Number(seed);
      if (anomalyTables.length > 0) {
        request.anomalies = Object.fromEntries(
          anomalyTables.map((table) => [table, anomalyRequest(anomalyShare)]),
        );
      }
      const conditions = Object.fromEntries(
        roots
          .map((table) => [table, parseFixedValues(fixedValues[table] ?? '').values])
          .filter(([, values]) => values !== null),
      );
      if (Object.keys(conditions).length > 0) request.conditions = conditions;
      return generateDatabase(model.id, request);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: databaseBatchesKey(model.id) }),
    onError: (error) => {
      const field = fieldOf(error);
      if (field) setErrors({ [field]: error.message });
    },
  });
  function toggleTable(table, chosen) {
    // Kept in the model's order, parents first, whatever order they are ticked in.
    setAnomalyTables(
      tables
        .map((t) => t.name)
        .filter((name) => (name === table ? chosen : anomalyTables.includes(name))),
    );
  }
  function submit(event) {
    event.preventDefault();
    const found = {};
    const scaleError = checkScale(scale);
    const seedError = checkSeed(seed);
    const shareError = anomalyTables.length > 0 ? checkAnomalyShare(anomalyShare) : null;
    if (scaleError) found.scale = scaleError;
    if (seedError) found.seed = seedError;
    if (shareError) found.anomalyShare = shareError;
    for (const table of roots) {
      const { error } = parseFixedValues(fixedValues[table] ?? '');
      if (error) found[`conditions.${table}`] = error;
    }
    setErrors(found);
    if (Object.keys(found).length === 0) start.mutate();
  }
  const generalError = start.error && !fieldOf(start.error);
  return (
    <form
      aria-label={`Generate a database from model ${model.id}`}
      noValidate
      onSubmit={submit}
      className="flex flex-wrap items-start gap-4"
    >
      <TextField
        id={`${id}-scale`}
        label="Scale (root tables’ rows ×)"
        className="w-48"
        inputMode="decimal"
        value={scale}
        onChange={setScale}
        error={errors.scale}
      />
      <TextField
        id={`${id}-seed`}
        label="Seed (optional)"
        className="w-40"
        inputMode="numeric"
        value={seed}
        onChange={setSeed}
        error={errors.seed}
      />
      {tables.length > 0 && (
        <fieldset className="w-full space-y-2">
          <legend className="label">Labelled anomalies (optional)</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {tables.map((t) => (
              <label key={t.name} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
                  checked={anomalyTables.includes(t.name)}
                  onChange={(e) => toggleTable(t.name, e.target.checked)}
                />
                {t.name}
              </label>
            ))}
          </div>
          {anomalyTables.length > 0 && (
            <TextField
              id={`${id}-anomaly-share`}
              label="Anomaly share of each chosen table (%)"
              className="w-64"
              inputMode="decimal"
              value={anomalyShare}
              onChange={setAnomalyShare}
              error={errors.anomalyShare}
            />
          )}
        </fieldset>
      )}
      {roots.length > 0 && (
        <fieldset className="w-full space-y-2">
          <legend className="label">Fixed values (optional)</legend>
          <p className="text-sm text-slate-500">
            Every row of a table without a parent carries them, such as bats=L; its children follow
            its rows.
          </p>
          <div className="flex flex-wrap gap-4">
            {roots.map((table) => (
              <TextField
                key={table}
                id={`${id}-fixed-${table}`}
                label={`${table} (column=value, …)`}
                className="w-64"
                value={fixedValues[table] ?? ''}
                onChange={(text) => setFixedValues({ ...fixedValues, [table]: text })}
                error={errors[`conditions.${table}`]}
              />
            ))}
          </div>
        </fieldset>
      )}
      <div className="pt-6">
        <button type="submit" className="btn-primary" disabled={start.isPending}>
          {start.isPending ? 'Starting…' : 'Generate a database'}
        </button>
      </div>
      {generalError && (
        <div className="w-full">
          <ErrorMessage error={start.error} title="Generation could not start" />
        </div>
      )}
    </form>
  );
}

function Download({ batch }) {
  const id = useId();
  const [format, setFormat] = useState('csv');
  const [dialect, setDialect] = useState('mysql');
  const save = useMutation({ mutationFn: () => downloadDatabaseBatch(batch.id, format, dialect) });
  return (
    <div className="space-y-2">
      <div
        className="flex flex-wrap items-end gap-3"
        role="group"
        aria-label={`Download batch ${batch.id}`}
      >
        <div>
          <label htmlFor={`${id}-format`} className="label">
            Format
          </label>
          <select
            id={`${id}-format`}
            className="input"
            value={format}
            onChange={(e) => {
              setFormat(e.target.value);
              save.reset();
            }}
          >
            {DATABASE_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        {format === 'sql' && (
          <div>
            <label htmlFor={`${id}-dialect`} className="label">
              Dialect
            </label>
            <select
              id={`${id}-dialect`}
              className="input"
              value={dialect}
              onChange={(e) => {
                setDialect(e.target.value);
                save.reset();
              }}
            >
              {SQL_DIALECTS.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <button
          type="button"
          className="btn-secondary"
          disabled={save.isPending}
          onClick={() => save.mutate()}
        >
          {save.isPending ? 'Preparing…' : `⬇ Download batch ${batch.id}`}
        </button>
      </div>
      {save.error && <ErrorMessage error={save.error} title="Download failed" />}
    </div>
  );
}

/** A table's fixed values as the form takes them: column=value, … */
const fixedPairs = (values) =>
  Object.entries(values)
    .map(([column, value]) => `${column}=${value}`)
    .join(', ');

function DatabaseBatch({ batch, projectId }) {
  const [shown, setShown] = useState(null); // 'export' | 'report' | null
  const toggle = (part) => setShown(shown === part ? null : part);
  return (
    <li className="space-y-2 py-3" data-testid="database-batch" data-database-batch-id={batch.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">Database batch #{batch.id}</span>
        <StatusBadge status={batch.status} />
        <span className="text-sm text-slate-600">
          scale {formatNumber(batch.scale, 3)}
          {batch.seed != null ? ` · seed ${batch.seed}` : ''} · {formatDate(batch.createdAt)}
        </span>
      </div>
      {Object.keys(batch.conditions ?? {}).length > 0 && (
        <p className="text-sm text-slate-600">
          Fixed values:{' '}
          {Object.entries(batch.conditions)
            .map(([table, values]) => `${table} ${fixedPairs(values)}`)
            .join('; ')}
        </p>
      )}
      {batch.tables?.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 text-sm" aria-label={`Rows of batch ${batch.id}`}>
          {batch.tables.map((t) => (
            <li key={t.table}>
              <span className="font-medium">{t.table}</span>{' '}
              <span className="text-slate-600">
                {formatNumber(t.rows)} rows
                {t.anomalyRows > 0 ? ` · ${formatNumber(t.anomalyRows)} anomalies` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {ACTIVE_BATCH.includes(batch.status) && (
        <Loading label="Generating the tables, parents first…" />
      )}
      {batch.status === 'FAILED' && (
        <ErrorMessage error={batch.error || 'No reason given.'} title="Generation failed" />
      )}
      {batch.status === 'COMPLETED' && (
        <>
          <Download batch={batch} />
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="btn-secondary"
              aria-expanded={shown === 'export'}
              onClick={() => toggle('export')}
            >
              Write to a database
            </button>
            <button
              type="button"
              className="btn-secondary"
              aria-expanded={shown === 'report'}
              onClick={() => toggle('report')}
            >
              Relational report
            </button>
          </div>
          {shown === 'export' && <DatabaseExport batch={batch} projectId={projectId} />}
          {shown === 'report' && <DatabaseReport batchId={batch.id} />}
        </>
      )}
    </li>
  );
}

/** A completed database model's generated databases: generate one, follow it, use it. */
export default function DatabaseBatchPanel({ model, projectId }) {
  const batches = useQuery({
    queryKey: databaseBatchesKey(model.id),
    queryFn: () => listDatabaseBatches(model.id),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((b) => ACTIVE_BATCH.includes(b.status)) ? 1000 : false,
  });
  return (
    <div
      className="space-y-3 rounded-md border border-slate-200 p-3"
      role="region"
      aria-label={`Databases of model ${model.id}`}
    >
      <GenerateDatabase model={model} />
      {batches.isPending && <Loading label="Loading the databases…" />}
      {batches.error && (
        <ErrorMessage
          error={batches.error}
          title="Could not load the databases"
          onRetry={batches.refetch}
        />
      )}
      {batches.data?.length === 0 && <EmptyState>No databases yet: generate one above.</EmptyState>}
      {batches.data?.length > 0 && (
        <ul className="divide-y divide-slate-100" aria-label={`Batches of model ${model.id}`}>
          {batches.data.map((b) => (
            <DatabaseBatch key={b.id} batch={b} projectId={projectId} />
          ))}
        </ul>
      )}
    </div>
  );
}
