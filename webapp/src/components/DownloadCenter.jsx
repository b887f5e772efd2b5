import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { generate, listBatches } from '../api/endpoints.js';
import { downloadBatch } from '../api/download.js';
import { anomalyRequest, checkAnomalyShare } from '../lib/anomalies.js';
import { checkBatchRows } from '../lib/batchRows.js';
import BatchList, { ACTIVE_BATCH, batchesKey } from './BatchList.jsx';
import { ErrorMessage, Loading } from './Feedback.jsx';
import RuleSwitches from './RuleSwitches.jsx';
import TextField from './TextField.jsx';

/**
 * Generate synthetic rows (optionally with labelled anomalies, and without some of the model's
 * rules) and download them.
 */
export default function DownloadCenter({ modelId, rules = [] }) {
  const queryClient = useQueryClient();
  const [count, setCount] = useState('1000');
  const [inject, setInject] = useState(false);
  const [ratio, setRatio] = useState('2');
  const [rulesOff, setRulesOff] = useState([]);
  const [errors, setErrors] = useState({});
  const batches = useQuery({
    queryKey: batchesKey(modelId),
    queryFn: () => listBatches(modelId),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((b) => ACTIVE_BATCH.includes(b.status)) ? 1000 : false,
  });
  const start = useMutation({
    mutationFn: () => {
      const request = { modelId: Number(modelId), count: Number(count) };
      if (inject) request.anomalies = anomalyRequest(ratio);
      if (rulesOff.length > 0) request.rulesOff = rulesOff;
      return generate(request);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: batchesKey(modelId) }),
    onError: (error) => {
      const field = error.field?.replace(/^anomalies\./, '');
      if (field === 'count') setErrors({ count: error.message });
      else if (field === 'ratio') setErrors({ ratio: error.message });
    },
  });

  function submit(event) {
    event.preventDefault();
    const found = {};
    const countError = checkBatchRows(count);
    if (countError) found.count = countError;
    const ratioError = inject ? checkAnomalyShare(ratio) : null;
    if (ratioError) found.ratio = ratioError;
    setErrors(found);
    if (Object.keys(found).length === 0) start.mutate();
  }

  const fieldError = start.error?.field?.replace(/^anomalies\./, '');
  const generalError = start.error && fieldError !== 'count' && fieldError !== 'ratio';
  return (
    <section id="downloads" aria-labelledby="downloads-title" className="card space-y-4">
      <h2 id="downloads-title" className="text-lg font-semibold">
        Generate and download
      </h2>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-4">
        <TextField
          id="row-count"
          label="Rows to generate"
          className="w-40"
          inputMode="numeric"
          value={count}
          onChange={setCount}
          error={errors.count}
        />
        <div className="pt-7">
          <div className="flex items-center gap-2">
            <input
              id="inject-anomalies"
              type="checkbox"
              className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
              checked={inject}
              onChange={(e) => setInject(e.target.checked)}
            />
            <label htmlFor="inject-anomalies" className="text-sm font-medium text-slate-700">
              Inject anomalies
            </label>
          </div>
        </div>
        {inject && (
          <TextField
            id="anomaly-ratio"
            label="Anomaly share (%)"
            className="w-40"
            inputMode="decimal"
            value={ratio}
            onChange={setRatio}
            error={errors.ratio}
          />
        )}
        <RuleSwitches rules={rules} off={rulesOff} onChange={setRulesOff} />
        <div className="pt-6">
          <button type="submit" className="btn-primary" disabled={start.isPending}>
            {start.isPending ? 'Starting…' : 'Generate'}
          </button>
        </div>
      </form>
      {generalError && <ErrorMessage error={start.error} title="Generation could not start" />}
      {batches.isPending && <Loading label="Loading batches…" />}
      {batches.error && (
        <ErrorMessage
          error={batches.error}
          title="Could not load batches"
          onRetry={batches.refetch}
        />
      )}
      {batches.data && (
        <BatchList
          batches={[...batches.data].sort((a, b) => b.id - a.id)}
          rules={rules}
          onDownload={(batch, format) => downloadBatch(batch.id, format)}
        />
      )}
    </section>
  );
}
