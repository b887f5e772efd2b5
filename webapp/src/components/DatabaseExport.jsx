import { useId, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { exportDatabaseBatch, listConnectionSchemas, listConnections } from '../api/endpoints.js';
import { formatNumber } from '../lib/format.js';
import { EmptyState, ErrorMessage, Loading } from './Feedback.jsx';

/** A refusal because a target table already holds rows: 409 naming the table. */
const occupiedTable = (error) => (error?.status === 409 ? error.problem?.table : null);

function Result({ result }) {
  const written = Object.entries(result.rowsWritten ?? {});
  return (
    <div role="status" className="space-y-2 text-sm">
      {result.dryRun ? (
        <p className="font-medium">
          Dry run: nothing was written. These statements would create the tables:
        </p>
      ) : (
        <p className="font-medium">Written to the database.</p>
      )}
      {result.ddl?.length > 0 && (
        <pre
          className="max-h-64 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
          aria-label="DDL"
        >
          {result.ddl.map((statement) => `${statement};`).join('\n\n')}
        </pre>
      )}
      {written.length > 0 && (
        <ul aria-label="Rows written">
          {written.map(([table, rows]) => (
            <li key={table}>
              <span className="font-medium">{table}</span> {result.dryRun ? 'would get' : 'got'}{' '}
              {formatNumber(rows)} rows
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Writes a completed database batch into one of the project's databases: the tables created
 * parents first with their keys, then filled. A dry run shows the statements without writing.
 */
export default function DatabaseExport({ batch, projectId }) {
  const id = useId();
  const [connectionId, setConnectionId] = useState('');
  const [schema, setSchema] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const [replaceExisting, setReplaceExisting] = useState(false);
  const connections = useQuery({
    queryKey: ['connections', String(projectId)],
    queryFn: () => listConnections(projectId),
  });
  const schemas = useQuery({
    queryKey: ['connection-schemas', Number(connectionId)],
    queryFn: () => listConnectionSchemas(connectionId),
    enabled: Boolean(connectionId),
  });
  const write = useMutation({
    mutationFn: (replace) =>
      exportDatabaseBatch(batch.id, {
        connectionId: Number(connectionId),
        schema,
        dryRun,
        replaceExisting: replace,
      }),
  });
  const occupied = occupiedTable(write.error);
  const changed = (set) => (event) => {
    set(event.target.type === 'checkbox' ? event.target.checked : event.target.value);
    write.reset();
  };

  if (connections.isPending) return <Loading label="Loading the databases…" />;
  if (connections.error)
    return <ErrorMessage error={connections.error} title="Could not load the databases" />;
  if (connections.data.length === 0)
    return (
      <EmptyState>Add a database under “Databases” above to write this batch into it.</EmptyState>
    );
  return (
    <form
      aria-label={`Write batch ${batch.id} to a database`}
      className="space-y-3 rounded-md border border-slate-200 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        write.mutate(replaceExisting);
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-connection`} className="label">
            Database
          </label>
          <select
            id={`${id}-connection`}
            className="input"
            value={connectionId}
            onChange={(event) => {
              changed(setConnectionId)(event);
              setSchema('');
            }}
          >
            <option value="">Choose a database</option>
            {connections.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {connectionId && (
          <div>
            <label htmlFor={`${id}-schema`} className="label">
              Schema
            </label>
            <select
              id={`${id}-schema`}
              className="input"
              value={schema}
              onChange={changed(setSchema)}
              disabled={!schemas.data}
            >
              <option value="">Choose a schema</option>
              {(schemas.data ?? []).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {schemas.isFetching && <Loading label="Reading the schemas…" />}
      {schemas.error && <ErrorMessage error={schemas.error} title="Could not list the schemas" />}
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={dryRun} onChange={changed(setDryRun)} />
          Dry run: show the statements, write nothing
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={replaceExisting} onChange={changed(setReplaceExisting)} />
          Replace the rows of tables that already hold some
        </label>
      </div>
      <button
        type="submit"
        className="btn-primary"
        disabled={!connectionId || !schema || write.isPending}
      >
        {write.isPending ? 'Writing…' : dryRun ? 'Show the statements' : 'Write the tables'}
      </button>
      {occupied ? (
        <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          <p className="font-medium">
            Table “{occupied}” in {schema} already holds rows.
          </p>
          <p>{write.error.message}</p>
          <button
            type="button"
            className="btn-danger mt-2"
            disabled={write.isPending}
            onClick={() => {
              setReplaceExisting(true);
              write.mutate(true);
            }}
          >
            Replace the rows of “{occupied}”
          </button>
        </div>
      ) : (
        write.error && <ErrorMessage error={write.error} title="The batch was not written" />
      )}
      {write.data && <Result result={write.data} />}
    </form>
  );
}
