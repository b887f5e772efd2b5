import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { getModelStatus } from '../api/endpoints.js';
import ColumnEncodings from '../components/ColumnEncodings.jsx';
import DownloadCenter from '../components/DownloadCenter.jsx';
import EvaluateAgain from '../components/EvaluateAgain.jsx';
import { ErrorMessage, Loading } from '../components/Feedback.jsx';
import MetricVisualizer from '../components/MetricVisualizer.jsx';
import RulesKept from '../components/RulesKept.jsx';
import TrainingProgress, { ACTIVE } from '../components/TrainingProgress.jsx';
import TryIt from '../components/TryIt.jsx';

/**
 * One model: live training, then its evaluation, the rules it keeps, how it learns each column, a
 * quick try of what it makes and the download center.
 */
export default function ModelPage() {
  const { projectId, modelId } = useParams();
  const model = useQuery({
    queryKey: ['model', modelId],
    queryFn: () => getModelStatus(modelId),
    // Poll about once a second while queued or training.
    refetchInterval: (query) => (ACTIVE.includes(query.state.data?.status) ? 1000 : false),
  });
  if (model.isPending) return <Loading label="Loading the model…" />;
  if (model.error)
    return (
      <ErrorMessage error={model.error} title="Could not open this model" onRetry={model.refetch} />
    );
  const m = model.data;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex flex-wrap gap-4 text-sm">
        <Link to={`/projects/${projectId}`} className="text-indigo-700 underline">
          ← Back to the project
        </Link>
        <Link
          to={`/projects/${projectId}/datasets/${m.datasetId}`}
          className="text-indigo-700 underline"
        >
          Dataset
        </Link>
      </div>
      <h1 className="text-2xl font-semibold">
        Model #{m.id} · {m.algorithm}
      </h1>
      {m.differentialPrivacy && <PrivacyBudget model={m} />}
      <TrainingProgress model={m} />
      {m.status === 'COMPLETED' && (
        <>
          <MetricVisualizer modelId={m.id} />
          <EvaluateAgain modelId={m.id} datasetId={m.datasetId} />
          <RulesKept modelId={m.id} rules={m.rules} />
          <ColumnEncodings encodings={m.encodings} />
          <TryIt modelId={m.id} datasetId={m.datasetId} algorithm={m.algorithm} />
          <DownloadCenter modelId={m.id} rules={m.rules} />
        </>
      )}
    </div>
  );
}

/** What a differentially private training was allowed to spend, and what it spent. */
function PrivacyBudget({ model }) {
  const asked = model.differentialPrivacy;
  const spent = model.summary?.privacySpent;
  return (
    <section className="card text-sm" aria-label="Differential privacy">
      <h2 className="font-semibold">Differential privacy</h2>
      <p className="mt-1 text-slate-700">
        {spent
          ? `ε spent: ${spent.epsilon.toFixed(3)} (δ ${spent.delta}), of a maximum of ${asked.max_epsilon}.`
          : `Trains with DP-SGD up to ε ${asked.max_epsilon}; the budget spent shows here when training completes.`}
      </p>
    </section>
  );
}
