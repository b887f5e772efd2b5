import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteDataset,
  getProject,
  listBatches,
  listDatasets,
  listModels,
} from '../api/endpoints.js';
import { batchesKey } from '../components/BatchList.jsx';
import ConfirmDialog from '../components/ConfirmDialog.jsx';
import DataUpload from '../components/DataUpload.jsx';
import DatabaseConnections from '../components/DatabaseConnections.jsx';
import DatabaseModels from '../components/DatabaseModels.jsx';
import LinkedTables, { schemaKey } from '../components/LinkedTables.jsx';
import { EmptyState, ErrorMessage, Loading, StatusBadge } from '../components/Feedback.jsx';
import { formatBytes, formatDate, formatNumber } from '../lib/format.js';
import { percent } from '../lib/metricWords.js';

const ACTIVE_MODEL = ['PENDING', 'TRAINING'];

function DatasetList({ projectId }) {
  const queryClient = useQueryClient();
  const [doomed, setDoomed] = useState(null);
  const datasets = useQuery({
    queryKey: ['datasets', projectId],
    queryFn: () => listDatasets(projectId),
  });
  const remove = useMutation({
    mutationFn: (id) => deleteDataset(id),
    onSuccess: () => {
      setDoomed(null);
      queryClient.invalidateQueries({ queryKey: ['datasets', projectId] });
      queryClient.invalidateQueries({ queryKey: ['models', projectId] });
      queryClient.invalidateQueries({ queryKey: schemaKey(projectId) });
    },
  });
  return (
    <section aria-labelledby="datasets-title" className="card">
      <h2 id="datasets-title" className="mb-2 text-lg font-semibold">
        Datasets
      </h2>
      {datasets.isPending && <Loading label="Loading datasets…" />}
      {datasets.error && (
        <ErrorMessage
          error={datasets.error}
          title="Could not load datasets"
          onRetry={datasets.refetch}
        />
      )}
      {datasets.data?.length === 0 && <EmptyState>No datasets yet: upload one above.</EmptyState>}
      {datasets.data?.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {datasets.data.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <Link
                className="font-medium text-indigo-700 underline"
                to={`/projects/${projectId}/datasets/${d.id}`}
              >
                {d.name}
              </Link>
              <span className="text-sm text-slate-600">
                {formatNumber(d.rowCount)} rows · {d.columns?.length ?? '–'} columns ·{' '}
                {formatBytes(d.sizeBytes)} · {formatDate(d.uploadedAt)}
              </span>
              <button
                type="button"
                className="btn-secondary ml-auto"
                aria-label={`Delete dataset ${d.name}`}
                onClick={() => setDoomed(d)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {doomed && (
        <ConfirmDialog
          title={`Delete dataset “${doomed.name}”?`}
          confirmLabel="Delete dataset"
          busy={remove.isPending}
          onConfirm={() => remove.mutate(doomed.id)}
          onCancel={() => setDoomed(null)}
        >
          <p>Its models and batches go with it.</p>
          {remove.error && <p className="field-error">{remove.error.message}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}

function ModelList({ projectId, models }) {
  return (
    <section aria-labelledby="models-title" className="card">
      <h2 id="models-title" className="mb-2 text-lg font-semibold">
        Models
      </h2>
      {models.isPending && <Loading label="Loading models…" />}
      {models.error && (
        <ErrorMessage error={models.error} title="Could not load models" onRetry={models.refetch} />
      )}
      {models.data?.length === 0 && (
        <EmptyState>No models yet: open a dataset and start training.</EmptyState>
      )}
      {models.data?.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {models.data.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <Link
                className="font-medium text-indigo-700 underline"
                to={`/projects/${projectId}/models/${m.id}`}
              >
                Model #{m.id} · {m.algorithm}
              </Link>
              <StatusBadge status={m.status} />
              {m.evaluation?.qualityScore != null && (
                <span className="text-sm text-slate-600">
                  quality {percent(m.evaluation.qualityScore)}
                </span>
              )}
              <span className="text-sm text-slate-500">{formatDate(m.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BatchOverview({ projectId, models }) {
  const completed = (models.data ?? []).filter((m) => m.status === 'COMPLETED');
  const batches = useQueries({
    queries: completed.map((m) => ({
      queryKey: batchesKey(m.id),
      queryFn: () => listBatches(m.id),
    })),
  });
  const rows = batches.flatMap((q, i) =>
    (q.data ?? []).map((b) => ({ ...b, model: completed[i] })),
  );
  const loading = batches.some((q) => q.isPending);
  const failed = batches.find((q) => q.error);
  return (
    <section aria-labelledby="batches-title" className="card">
      <h2 id="batches-title" className="mb-2 text-lg font-semibold">
        Batches
      </h2>
      {loading && <Loading label="Loading batches…" />}
      {failed && <ErrorMessage error={failed.error} title="Could not load batches" />}
      {!loading && rows.length === 0 && (
        <EmptyState>No batches yet: generate rows from a trained model.</EmptyState>
      )}
      {rows.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {rows.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
              <Link
                className="font-medium text-indigo-700 underline"
                to={`/projects/${projectId}/models/${b.model.id}#downloads`}
              >
                Batch #{b.id}
              </Link>
              <StatusBadge status={b.status} />
              <span className="text-slate-600">
                {formatNumber(b.rowCount ?? b.requestedRows)} rows from model #{b.model.id} (
                {b.model.algorithm})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One project: upload data, and its datasets, linked tables, models, databases and batches. */
export default function ProjectPage() {
  const { projectId } = useParams();
  const project = useQuery({
    queryKey: ['project', projectId],
    queryFn: () => getProject(projectId),
  });
  const models = useQuery({
    queryKey: ['models', projectId],
    queryFn: () => listModels({ projectId }),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((m) => ACTIVE_MODEL.includes(m.status)) ? 2000 : false,
  });
  if (project.isPending) return <Loading label="Loading the project…" />;
  if (project.error)
    return (
      <ErrorMessage
        error={project.error}
        title="Could not open this project"
        onRetry={project.refetch}
      />
    );
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{project.data.name}</h1>
        {project.data.description && <p className="text-slate-600">{project.data.description}</p>}
      </div>
      <DataUpload projectId={projectId} />
      <DatabaseConnections projectId={projectId} />
      <DatasetList projectId={projectId} />
      <LinkedTables projectId={projectId} />
      <DatabaseModels projectId={projectId} />
      <ModelList projectId={projectId} models={models} />
      <BatchOverview projectId={projectId} models={models} />
    </div>
  );
}
