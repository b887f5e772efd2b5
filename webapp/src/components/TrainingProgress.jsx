import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cancelModel } from '../api/endpoints.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { ErrorMessage, ProgressBar, StatusBadge } from './Feedback.jsx';
import LossChart from './LossChart.jsx';

export const ACTIVE = ['PENDING', 'TRAINING'];

/** Live training state: status, queue position, epoch i/n, the growing loss chart, cancel. */
export default function TrainingProgress({ model }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelModel(model.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(['model', String(model.id)], updated);
      queryClient.invalidateQueries({ queryKey: ['models'] });
    },
  });
  const progress = model.progress;
  const active = ACTIVE.includes(model.status);
  const epochs = progress?.epochs ?? model.settings?.epochs;
  const fraction =
    model.status === 'COMPLETED'
      ? 1
      : (progress?.fraction ?? (progress?.epoch && epochs ? progress.epoch / epochs : 0));
  const latest = progress?.metrics ?? model.lossHistory?.at(-1)?.metrics ?? {};
  return (
    <section aria-labelledby="progress-title" className="card space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="progress-title" className="text-lg font-semibold">
          Training
        </h2>
        <StatusBadge status={model.status} />
        {model.status === 'PENDING' && model.queuePosition != null && (
          <span className="text-sm text-slate-600" data-testid="queue-position">
            Position {model.queuePosition} in the queue
          </span>
        )}
        {active && (
          <button
            type="button"
            className="btn-secondary ml-auto"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel training'}
          </button>
        )}
      </div>
      {(active || model.status === 'COMPLETED') && (
        <ProgressBar
          value={fraction}
          label={progress?.stage ? `Stage: ${progress.stage}` : 'Progress'}
          detail={
            progress?.epoch != null && epochs
              ? `epoch ${progress.epoch}/${epochs} · ${Math.round(fraction * 100)}%`
              : `${Math.round(fraction * 100)}%`
          }
        />
      )}
      {Object.keys(latest).length > 0 && (
        <p className="text-sm text-slate-600">
          {Object.entries(latest)
            .map(([k, v]) => `${k.replace(/_/g, ' ')} ${formatNumber(v, 4)}`)
            .join(' · ')}
          {progress?.elapsedSeconds != null &&
            ` · ${Math.round(progress.elapsedSeconds)} s elapsed`}
        </p>
      )}
      <LossChart history={model.lossHistory} />
      {model.status === 'FAILED' && (
        <ErrorMessage error={model.error || 'The engine gave no reason.'} title="Training failed" />
      )}
      {model.status === 'CANCELLED' && (
        <p className="text-sm text-slate-600">Training was cancelled.</p>
      )}
      {cancel.error && <ErrorMessage error={cancel.error} title="Could not cancel" />}
      <p className="text-xs text-slate-500">
        Started {formatDate(model.startedAt)} · finished {formatDate(model.finishedAt)} · settings{' '}
        {Object.entries(model.settings ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}
      </p>
    </section>
  );
}
