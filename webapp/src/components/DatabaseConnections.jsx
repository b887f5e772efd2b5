import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createConnection,
  deleteConnection,
  importTables,
  listConnectionSchemas,
  listConnectionTables,
  listConnections,
  testConnection,
} from '../api/endpoints.js';
import { EmptyState, ErrorMessage, FieldError, Loading } from './Feedback.jsx';
import { schemaKey } from './LinkedTables.jsx';

const KINDS = [
  { value: 'postgresql', label: 'PostgreSQL', port: 5432 },
  { value: 'mariadb', label: 'MariaDB / MySQL', port: 3306 },
];
const FIELDS = ['name', 'kind', 'host', 'port', 'database', 'username', 'password'];

function NewConnection({ projectId, onAdded }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: '',
    kind: 'postgresql',
    host: '',
    port: '',
    database: '',
    username: '',
    password: '',
  });
  const create = useMutation({
    mutationFn: () =>
      createConnection(projectId, { ...form, port: form.port ? Number(form.port) : undefined }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['connections', String(projectId)] });
      onAdded();
    },
  });
  const errorOf = (field) => (create.error?.field === field ? create.error.message : null);
  const input = (field, label, props = {}) => (
    <div>
      <label htmlFor={`${id}-${field}`} className="label">
        {label}
      </label>
      <input
        id={`${id}-${field}`}
        className="input"
        value={form[field]}
        onChange={(e) => {
          setForm({ ...form, [field]: e.target.value });
          create.reset();
        }}
        aria-invalid={Boolean(errorOf(field))}
        aria-describedby={errorOf(field) ? `${id}-${field}-error` : undefined}
        {...props}
      />
      <FieldError id={`${id}-${field}-error`} message={errorOf(field)} />
    </div>
  );
  const port = KINDS.find((k) => k.value === form.kind).port;
  return (
    <form
      aria-label="Add a database"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      {input('name', 'Name')}
      <div>
        <label htmlFor={`${id}-kind`} className="label">
          Kind
        </label>
        <select
          id={`${id}-kind`}
          className="input"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value })}
        >
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {input('host', 'Host')}
      {input('port', 'Port', { inputMode: 'numeric', placeholder: String(port) })}
      {input('database', 'Database')}
      {input('username', 'Username', { autoComplete: 'off' })}
      {input('password', 'Password', { type: 'password', autoComplete: 'new-password' })}
      <div className="flex items-end">
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add the database'}
        </button>
      </div>
      {create.error && !FIELDS.includes(create.error.field) && (
        <ErrorMessage error={create.error} title="The database was not added" />
      )}
    </form>
  );
}

function ImportTables({ connection, projectId }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [schema, setSchema] = useState('');
  const [chosen, setChosen] = useState([]);
  const schemas = useQuery({
    queryKey: ['connection-schemas', connection.id],
    queryFn: () => listConnectionSchemas(connection.id),
  });
  const tables = useQuery({
    queryKey: ['connection-tables', connection.id, schema],
    queryFn: () => listConnectionTables(connection.id, schema),
    enabled: Boolean(schema),
  });
  const run = useMutation({
    mutationFn: () => importTables(connection.id, schema, chosen),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['datasets', String(projectId)] });
      queryClient.invalidateQueries({ queryKey: schemaKey(projectId) });
    },
  });
  if (schemas.isPending) return <Loading label="Reading the schemas…" />;
  if (schemas.error)
    return <ErrorMessage error={schemas.error} title="Could not list the schemas" />;
  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-schema`} className="label">
        Schema
      </label>
      <select
        id={`${id}-schema`}
        className="input max-w-xs"
        value={schema}
        onChange={(e) => {
          setSchema(e.target.value);
          setChosen([]);
          run.reset();
        }}
      >
        <option value="">Choose a schema</option>
        {schemas.data.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      {tables.isFetching && <Loading label="Reading the tables…" />}
      {tables.error && <ErrorMessage error={tables.error} title="Could not list the tables" />}
      {tables.data && (
        <fieldset>
          <legend className="text-sm text-slate-600">
            Tables to import (none ticked: all {tables.data.length})
          </legend>
          <ul className="grid gap-1 sm:grid-cols-2">
            {tables.data.map((t) => (
              <li key={t.name} className="text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={chosen.includes(t.name)}
                    onChange={(e) =>
                      setChosen(
                        e.target.checked ? [...chosen, t.name] : chosen.filter((n) => n !== t.name),
                      )
                    }
                  />
                  <span className="font-medium">{t.name}</span>
                  <span className="text-slate-500">
                    {t.columns.length} columns
                    {t.primaryKey.length > 0 && ` · key ${t.primaryKey.join(', ')}`}
                    {t.foreignKeys.length > 0 &&
                      ` · → ${t.foreignKeys.map((k) => k.parentTable).join(', ')}`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn-primary mt-2"
            disabled={run.isPending}
            onClick={() => run.mutate()}
          >
            {run.isPending ? 'Importing…' : 'Import'}
          </button>
        </fieldset>
      )}
      {run.error && <ErrorMessage error={run.error} title="The import failed" />}
      {run.data && (
        <div role="status" className="text-sm text-slate-700">
          Imported {run.data.datasets.length} tables with {run.data.relationships.length} links.
          {run.data.notDeclared.length > 0 && (
            <ul className="list-disc pl-5">
              {run.data.notDeclared.map((n) => (
                <li key={n}>Not linked: {n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function Connection({ connection, projectId }) {
  const queryClient = useQueryClient();
  const [importing, setImporting] = useState(false);
  const test = useMutation({ mutationFn: () => testConnection(connection.id) });
  const remove = useMutation({
    mutationFn: () => deleteConnection(connection.id),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['connections', String(projectId)] }),
  });
  const label = `${connection.name}`;
  return (
    <li className="space-y-2 py-2" data-testid="connection">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-slate-600">
          {connection.kind} · {connection.username}@{connection.host}:{connection.port}/
          {connection.database}
        </span>
        <span className="ml-auto flex gap-2">
          <button
            type="button"
            className="btn-secondary"
            aria-label={`Test ${label}`}
            disabled={test.isPending}
            onClick={() => test.mutate()}
          >
            {test.isPending ? 'Testing…' : 'Test'}
          </button>
          <button
            type="button"
            className="btn-secondary"
            aria-label={`Import from ${label}`}
            onClick={() => setImporting(!importing)}
          >
            Import tables
          </button>
          <button
            type="button"
            className="btn-secondary"
            aria-label={`Remove ${label}`}
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            Remove
          </button>
        </span>
      </div>
      {test.data && (
        <p role="status" className="text-sm text-emerald-700">
          Connected: {test.data.serverVersion}
        </p>
      )}
      {test.error && <ErrorMessage error={test.error} title="The database did not answer" />}
      {remove.error && <ErrorMessage error={remove.error} title="The connection was not removed" />}
      {importing && <ImportTables connection={connection} projectId={projectId} />}
    </li>
  );
}

/** The project's databases: add one, test it, import its tables with their foreign keys. */
export default function DatabaseConnections({ projectId }) {
  const [adding, setAdding] = useState(false);
  const connections = useQuery({
    queryKey: ['connections', String(projectId)],
    queryFn: () => listConnections(projectId),
  });
  return (
    <section aria-labelledby="connections-title" className="card space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="connections-title" className="text-lg font-semibold">
          Databases
        </h2>
        <button type="button" className="btn-secondary ml-auto" onClick={() => setAdding(!adding)}>
          {adding ? 'Close' : 'Add a database'}
        </button>
      </div>
      {adding && <NewConnection projectId={projectId} onAdded={() => setAdding(false)} />}
      {connections.isPending && <Loading label="Loading the databases…" />}
      {connections.error && (
        <ErrorMessage error={connections.error} title="Could not load the databases" />
      )}
      {connections.data?.length === 0 && !adding && (
        <EmptyState>
          Add a MariaDB, MySQL or PostgreSQL database to import its tables with their keys.
        </EmptyState>
      )}
      {connections.data?.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {connections.data.map((c) => (
            <Connection key={c.id} connection={c} projectId={projectId} />
          ))}
        </ul>
      )}
    </section>
  );
}
