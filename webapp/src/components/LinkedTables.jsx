import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  declareRelationship,
  deleteRelationship,
  getSchema,
  proposeRelationships,
} from '../api/endpoints.js';
import { BOX, columnList, keyLabel, layoutSchema } from '../lib/schemaLayout.js';
import { EmptyState, ErrorMessage, FieldError, Loading } from './Feedback.jsx';
import { formatNumber } from '../lib/format.js';

export const schemaKey = (projectId) => ['schema', String(projectId)];

function Diagram({ schema }) {
  const { boxes, width, height } = layoutSchema(schema.tables, schema.relationships);
  const pad = 8;
  return (
    <svg
      role="img"
      aria-label={`Diagram of ${schema.tables.length} tables and ${schema.relationships.length} links`}
      viewBox={`${-pad} ${-pad} ${width + 2 * pad} ${height + 2 * pad}`}
      className="max-h-96 w-full"
    >
      <defs>
        <marker
          id="link-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="fill-indigo-500" />
        </marker>
      </defs>
      {schema.relationships.map((r) => {
        const from = boxes.get(r.parentDatasetId);
        const to = boxes.get(r.childDatasetId);
        if (!from || !to) return null;
        const x1 = from.x + BOX.width;
        const y1 = from.y + BOX.height / 2;
        const x2 = to.x;
        const y2 = to.y + BOX.height / 2;
        return (
          <g key={r.id} data-testid="schema-link">
            <path
              d={`M${x1},${y1} C${x1 + 40},${y1} ${x2 - 40},${y2} ${x2},${y2}`}
              className={`fill-none stroke-indigo-500 ${r.orderBy.length ? '' : '[stroke-dasharray:4_3]'}`}
              strokeWidth="1.5"
              markerEnd="url(#link-arrow)"
            />
            <title>
              {`${keyLabel(r.parentTable, r.parentColumns)} ← ${keyLabel(r.childTable, r.childColumns)}`}
              {r.orderBy.length ? `, a sequence ordered by ${r.orderBy.join(', ')}` : ''}
            </title>
          </g>
        );
      })}
      {[...boxes.values()].map(({ x, y, table }) => (
        <g key={table.datasetId} transform={`translate(${x},${y})`} data-testid="schema-table">
          <rect
            width={BOX.width}
            height={BOX.height}
            rx="6"
            className="fill-white stroke-slate-400"
          />
          <text x="10" y="19" className="fill-slate-900 text-[13px] font-semibold">
            {table.name}
          </text>
          <text x="10" y="36" className="fill-slate-600 text-[11px]">
            {table.primaryKey.length ? `key ${table.primaryKey.join(', ')} · ` : ''}
            {formatNumber(table.rows)} rows
          </text>
        </g>
      ))}
    </svg>
  );
}

function LinkForm({ projectId, tables, initial, onDone, label }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [link, setLink] = useState(
    initial ?? {
      parentDatasetId: tables[0]?.datasetId ?? '',
      parentColumns: '',
      childDatasetId: tables[1]?.datasetId ?? '',
      childColumns: '',
      orderBy: '',
    },
  );
  const declare = useMutation({
    mutationFn: () =>
      declareRelationship(projectId, {
        parentDatasetId: Number(link.parentDatasetId),
        parentColumns: columnList(link.parentColumns),
        childDatasetId: Number(link.childDatasetId),
        childColumns: columnList(link.childColumns),
        orderBy: columnList(link.orderBy),
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: schemaKey(projectId) });
      onDone?.();
    },
  });
  const fieldError = (field) => (declare.error?.field === field ? declare.error.message : null);
  const general =
    declare.error &&
    !['parentColumns', 'childColumns', 'orderBy', 'parentDatasetId', 'childDatasetId'].includes(
      declare.error.field,
    );
  const set = (key) => (event) => {
    setLink({ ...link, [key]: event.target.value });
    declare.reset();
  };
  const columnsOf = (id) => tables.find((t) => String(t.datasetId) === String(id))?.columns ?? [];
  const field = (key, label, listOf) => (
    <div>
      <label htmlFor={`${id}-${key}`} className="label">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="input"
        value={link[key]}
        onChange={set(key)}
        list={`${id}-${key}-columns`}
        aria-invalid={Boolean(fieldError(key))}
        aria-describedby={fieldError(key) ? `${id}-${key}-error` : undefined}
      />
      <datalist id={`${id}-${key}-columns`}>
        {columnsOf(listOf).map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <FieldError id={`${id}-${key}-error`} message={fieldError(key)} />
    </div>
  );
  const tableSelect = (key, label) => (
    <div>
      <label htmlFor={`${id}-${key}`} className="label">
        {label}
      </label>
      <select id={`${id}-${key}`} className="input" value={link[key]} onChange={set(key)}>
        {tables.map((t) => (
          <option key={t.datasetId} value={t.datasetId}>
            {t.name}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-${key}-error`} message={fieldError(key)} />
    </div>
  );
  return (
    <form
      aria-label={label}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      onSubmit={(event) => {
        event.preventDefault();
        declare.mutate();
      }}
    >
      {tableSelect('parentDatasetId', 'Parent table')}
      {field('parentColumns', 'Parent key columns', link.parentDatasetId)}
      {tableSelect('childDatasetId', 'Child table')}
      {field('childColumns', 'Child columns naming it', link.childDatasetId)}
      {field('orderBy', 'Order child rows by (optional)', link.childDatasetId)}
      <div className="flex items-end gap-2 lg:col-span-5">
        <button type="submit" className="btn-primary" disabled={declare.isPending}>
          {declare.isPending ? 'Checking the tables…' : 'Declare the link'}
        </button>
        {onDone && (
          <button type="button" className="btn-secondary" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      {general && <ErrorMessage error={declare.error} title="The link was not declared" />}
    </form>
  );
}

function Proposals({ projectId, tables }) {
  const [chosen, setChosen] = useState(null);
  const proposal = useQuery({
    queryKey: [...schemaKey(projectId), 'proposal'],
    queryFn: () => proposeRelationships(projectId),
    enabled: false,
  });
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={proposal.isFetching}
        onClick={() => proposal.refetch()}
      >
        {proposal.isFetching ? 'Reading the tables…' : 'Suggest links'}
      </button>
      {proposal.error && <ErrorMessage error={proposal.error} title="No suggestions" />}
      {proposal.data?.length === 0 && (
        <p className="text-sm text-slate-600">No further links found between these tables.</p>
      )}
      {proposal.data?.length > 0 && (
        <ul className="divide-y divide-slate-100" aria-label="Suggested links">
          {proposal.data.map((p) => {
            const label = `${keyLabel(p.parentTable, p.parentColumns)} ← ${keyLabel(p.childTable, p.childColumns)}`;
            return (
              <li key={label} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                <span className="font-medium">{label}</span>
                <span className="text-slate-600">
                  {formatNumber(p.linkedRows)} of {formatNumber(p.childRows)} rows linked
                </span>
                <button
                  type="button"
                  className="btn-secondary ml-auto"
                  aria-label={`Use ${label}`}
                  onClick={() =>
                    setChosen({
                      parentDatasetId: p.parentDatasetId,
                      parentColumns: p.parentColumns.join(', '),
                      childDatasetId: p.childDatasetId,
                      childColumns: p.childColumns.join(', '),
                      orderBy: '',
                    })
                  }
                >
                  Use
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {chosen && (
        <LinkForm
          key={JSON.stringify(chosen)}
          projectId={projectId}
          tables={tables}
          initial={chosen}
          label="Declare the suggested link"
          onDone={() => {
            setChosen(null);
            proposal.refetch();
          }}
        />
      )}
    </div>
  );
}

/** The project's datasets as linked tables: a diagram, the declared links, suggestions and a form. */
export default function LinkedTables({ projectId }) {
  const queryClient = useQueryClient();
  const schema = useQuery({ queryKey: schemaKey(projectId), queryFn: () => getSchema(projectId) });
  const remove = useMutation({
    mutationFn: (id) => deleteRelationship(projectId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schemaKey(projectId) }),
  });
  return (
    <section aria-labelledby="linked-title" className="card space-y-3">
      <h2 id="linked-title" className="text-lg font-semibold">
        Linked tables
      </h2>
      {schema.isPending && <Loading label="Loading the schema…" />}
      {schema.error && (
        <ErrorMessage
          error={schema.error}
          title="Could not load the schema"
          onRetry={schema.refetch}
        />
      )}
      {schema.data && schema.data.tables.length < 2 && (
        <EmptyState>Upload two or more related tables to link them by their keys.</EmptyState>
      )}
      {schema.data && schema.data.tables.length >= 2 && (
        <>
          <Diagram schema={schema.data} />
          {schema.data.relationships.length > 0 && (
            <ul className="divide-y divide-slate-100" aria-label="Declared links">
              {schema.data.relationships.map((r) => {
                const label = `${keyLabel(r.parentTable, r.parentColumns)} ← ${keyLabel(r.childTable, r.childColumns)}`;
                return (
                  <li key={r.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                    <span className="font-medium">{label}</span>
                    {r.orderBy.length > 0 && (
                      <span className="text-slate-600">ordered by {r.orderBy.join(', ')}</span>
                    )}
                    <button
                      type="button"
                      className="btn-secondary ml-auto"
                      aria-label={`Remove ${label}`}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(r.id)}
                    >
                      Remove
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {remove.error && <ErrorMessage error={remove.error} title="The link was not removed" />}
          <Proposals projectId={projectId} tables={schema.data.tables} />
          <details>
            <summary className="cursor-pointer text-sm font-medium">Declare a link by hand</summary>
            <div className="pt-3">
              <LinkForm projectId={projectId} tables={schema.data.tables} label="Declare a link" />
            </div>
          </details>
        </>
      )}
    </section>
  );
}
