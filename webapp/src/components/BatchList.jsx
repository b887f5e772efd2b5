import { useState } from 'react';
import { formatBytes, formatDate, formatNumber } from '../lib/format.js';
import { EmptyState, ErrorMessage, ProgressBar, StatusBadge } from './Feedback.jsx';

export const FORMATS = [
  { id: 'csv', label: 'CSV' },
  { id: 'json', label: 'JSON' },
  { id: 'sql', label: 'SQL' },
  { id: 'parquet', label: 'Parquet' },
];

export const ACTIVE_BATCH = ['PENDING', 'GENERATING'];

/** The query that lists a model's batches: every part of the page that queues one refreshes it. */
export const batchesKey = (modelId) => ['batches', String(modelId)];

/**
 * Batches with their status, the rules each switched off, and, once complete, a download
 * button per format.
 */
export default function BatchList({ batches, onDownload, rules = [] }) {
  const [busy, setBusy] = useState(null);
  const [errors, setErrors] = useState({});
  if (!batches.length) {
    return <EmptyState>No batches yet: generate some rows above.</EmptyState>;
  }
  async function download(batch, format) {
    setBusy(`${batch.id}-${format}`);
    setErrors((e) => ({ ...e, [batch.id]: null }));
    try {
      await onDownload(batch, format);
    } catch (error) {
      setErrors((e) => ({ ...e, [batch.id]: error }));
    } finally {
      setBusy(null);
    }
  }
  return (
    <ul className="divide-y divide-slate-100" aria-label="Batches">
      {batches.map((batch) => (
        <li key={batch.id} className="space-y-2 py-3" data-testid="batch" data-batch-id={batch.id}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium">Batch #{batch.id}</span>
            <StatusBadge status={batch.status} />
            <span className="text-sm text-slate-600">
              {formatNumber(batch.rowCount ?? batch.requestedRows)} rows
              {batch.anomalyRows ? ` · ${formatNumber(batch.anomalyRows)} anomalies` : ''}
              {batch.sizeBytes ? ` · ${formatBytes(batch.sizeBytes)}` : ''} ·{' '}
              {formatDate(batch.createdAt)}
            </span>
          </div>
          {batch.rulesOff?.length > 0 && (
            <p className="text-sm text-slate-600">
              Rules switched off:{' '}
              {batch.rulesOff
                .map((id) => rules.find((rule) => rule.id === id)?.text ?? id)
                .join('; ')}
            </p>
          )}
          {ACTIVE_BATCH.includes(batch.status) && (
            <ProgressBar
              label="Generating"
              value={batch.progress?.total ? batch.progress.rows / batch.progress.total : 0}
              detail={
                batch.progress
                  ? `${formatNumber(batch.progress.rows)} / ${formatNumber(batch.progress.total)} rows`
                  : 'waiting…'
              }
            />
          )}
          {batch.status === 'FAILED' && (
            <ErrorMessage error={batch.error || 'No reason given.'} title="Generation failed" />
          )}
          {batch.status === 'COMPLETED' && (
            <div
              className="flex flex-wrap gap-2"
              role="group"
              aria-label={`Download batch ${batch.id}`}
            >
              {FORMATS.map((format) => (
                <button
                  key={format.id}
                  type="button"
                  className="btn-secondary"
                  disabled={busy !== null}
                  onClick={() => download(batch, format.id)}
                  aria-label={`Download batch ${batch.id} as ${format.label}`}
                >
                  {busy === `${batch.id}-${format.id}` ? 'Preparing…' : `⬇ ${format.label}`}
                </button>
              ))}
            </div>
          )}
          {errors[batch.id] && <ErrorMessage error={errors[batch.id]} title="Download failed" />}
        </li>
      ))}
    </ul>
  );
}
