import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getDataset } from '../api/endpoints.js';
import DatasetProfile from '../components/DatasetProfile.jsx';
import { ErrorMessage, Loading } from '../components/Feedback.jsx';
import TrainingConfig from '../components/TrainingConfig.jsx';
import { formatBytes, formatNumber } from '../lib/format.js';

/** One dataset: train a model on it, and its server-side profile. */
export default function DatasetPage() {
  const { projectId, datasetId } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const dataset = useQuery({
    queryKey: ['dataset', datasetId],
    queryFn: () => getDataset(datasetId),
  });
  if (dataset.isPending) return <Loading label="Loading the dataset…" />;
  if (dataset.error)
    return (
      <ErrorMessage
        error={dataset.error}
        title="Could not open this dataset"
        onRetry={dataset.refetch}
      />
    );
  const d = dataset.data;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <Link to={`/projects/${projectId}`} className="text-sm text-indigo-700 underline">
        ← Back to the project
      </Link>
      <div>
        <h1 className="break-all text-2xl font-semibold">{d.name}</h1>
        <p className="text-sm text-slate-600">
          {formatNumber(d.rowCount)} rows · {d.columns.length} columns · {d.format}
          {d.delimiter ? ` (${JSON.stringify(d.delimiter)})` : ''}
          {d.encoding ? `, uploaded as ${d.encoding}` : ''} · {formatBytes(d.sizeBytes)}
        </p>
      </div>
      <TrainingConfig
        datasetId={datasetId}
        onStarted={(model) => {
          queryClient.invalidateQueries({ queryKey: ['models', projectId] });
          navigate(`/projects/${projectId}/models/${model.id}`);
        }}
      />
      <div className="card">
        <DatasetProfile datasetId={datasetId} />
      </div>
    </div>
  );
}
