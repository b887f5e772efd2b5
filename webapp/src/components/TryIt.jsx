import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { algorithmCatalogue, generate, getDatasetStats, sampleRows } from '../api/endpoints.js';
import { checkBatchRows } from '../lib/batchRows.js';
import { formatNumber } from '../lib/format.js';
import {
  MODES,
  conditionsOf,
  conditionsRequest,
  describeConditions,
} from '../lib/sampleConditions.js';
import { checkSeed } from '../lib/tableRules.js';
import { batchesKey } from './BatchList.jsx';
import ConditionsEditor, { NO_CONDITIONS } from './ConditionsEditor.jsx';
import { ErrorMessage, Loading } from './Feedback.jsx';
import ImputeUpload from './ImputeUpload.jsx';
import SampleTable from './SampleTable.jsx';
import TextField from './TextField.jsx';

// A warm engine answers well within this; a call still waiting is waiting for the engine to start.
const WARMING_UP_AFTER_MS = 1000;
// The request fields whose problems show beside their inputs; others show below the form.
const FORM_FIELDS = ['rows', 'seed', 'conditions', 'shares', 'count'];

/** The form field a problem names (`conditions.age` → `conditions`), or null for any other. */
function fieldOf(error) {
  const field = error?.field?.split(/[.[]/)[0];
  return FORM_FIELDS.includes(field) ? field : null;
}

/** Whether the mutation's current call has been waiting longer than `ms`. */
function usePendingLongerThan(mutation, ms) {
  const [slowCall, setSlowCall] = useState(null);
  const { isPending, submittedAt } = mutation;
  useEffect(() => {
    if (!isPending) return undefined;
    const timer = setTimeout(() => setSlowCall(submittedAt), ms);
    return () => clearTimeout(timer);
  }, [isPending, submittedAt, ms]);
  return isPending && slowCall === submittedAt;
}

/**
 * A quick look at what a completed model makes: a page of rows within the request, held to fixed
 * values or target shares where its algorithm can do that, then a batch of more rows like them.
 */
export default function TryIt({ modelId, datasetId, algorithm }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-label="Try it" className="card space-y-4">
      <h2 className="text-lg font-semibold">
        <button
          type="button"
          className="flex items-center gap-2"
          aria-expanded={open}
          aria-controls="try-it-panel"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          Try it
        </button>
      </h2>
      {open ? (
        <TryItPanel modelId={modelId} datasetId={datasetId} algorithm={algorithm} />
      ) : (
        <p className="text-sm text-slate-600">
          See rows from this model in a second, with values held fixed or shares set, then queue a
          batch like them.
        </p>
      )}
    </section>
  );
}

function TryItPanel({ modelId, datasetId, algorithm }) {
  const queryClient = useQueryClient();
  const catalogue = useQuery(algorithmCatalogue);
  const kinds = catalogue.data?.algorithms.find((a) => a.name === algorithm)?.conditioning ?? [];
  const modes = MODES.filter((mode) => kinds.includes(mode.kind));
  const stats = useQuery({
    queryKey: ['dataset-stats', String(datasetId)],
    queryFn: () => getDatasetStats(datasetId),
    enabled: modes.length > 0,
  });

  const [rows, setRows] = useState('100');
  const [seed, setSeed] = useState('');
  const [conditions, setConditions] = useState(NO_CONDITIONS);
  const [errors, setErrors] = useState({});
  const [result, setResult] = useState(null);
  const [batchRows, setBatchRows] = useState('1000');

  function showAtField(error) {
    const field = fieldOf(error);
    if (field) setErrors((shown) => ({ ...shown, [field]: error.message }));
  }
  const like = useMutation({
    mutationFn: () =>
      generate({
        modelId: Number(modelId),
        count: Number(batchRows),
        ...conditionsOf(result.request),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: batchesKey(modelId) }),
    onError: showAtField,
  });
  const sample = useMutation({
    mutationFn: async (request) => {
      const started = performance.now();
      const answer = await sampleRows(modelId, request);
      return { request, answer, seconds: (performance.now() - started) / 1000 };
    },
    onSuccess: (sampled) => {
      setErrors({});
      like.reset();
      setResult((previous) => ({ ...sampled, number: (previous?.number ?? 0) + 1 }));
    },
    onError: showAtField,
  });
  const warmingUp = usePendingLongerThan(sample, WARMING_UP_AFTER_MS);

  function submitSample(event) {
    event.preventDefault();
    const found = {};
    if (!/^\d+$/.test(rows.trim()) || Number(rows) < 1) {
      found.rows = 'Enter a whole number of rows, at least 1.';
    }
    const badSeed = checkSeed(seed);
    if (badSeed) found.seed = badSeed;
    const { part, error } = conditionsRequest(conditions, stats.data?.columns ?? []);
    Object.assign(found, error);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const request = { rows: Number(rows), ...part };
    if (seed.trim() !== '') request.seed = Number(seed);
    sample.mutate(request);
  }

  function regenerate() {
    const { seed: _previous, ...request } = result.request;
    sample.mutate(request);
  }

  function submitLikeThis(event) {
    event.preventDefault();
    const countError = checkBatchRows(batchRows);
    setErrors((shown) => ({ ...shown, count: countError }));
    if (!countError) like.mutate();
  }

  return (
    <div id="try-it-panel" className="space-y-4">
      <form onSubmit={submitSample} noValidate className="space-y-4">
        <div className="flex flex-wrap items-start gap-4">
          <TextField
            id="sample-rows"
            label="Rows to sample"
            className="w-40"
            inputMode="numeric"
            value={rows}
            onChange={setRows}
            error={errors.rows}
          />
          <TextField
            id="sample-seed"
            label={
              <>
                Seed <span className="font-normal text-slate-500">(optional)</span>
              </>
            }
            className="w-48"
            inputMode="numeric"
            value={seed}
            onChange={setSeed}
            error={errors.seed}
          />
        </div>
        {catalogue.isPending && <Loading label="Loading what this model can condition on…" />}
        {catalogue.error && (
          <ErrorMessage
            error={catalogue.error}
            title="Could not load the algorithm catalogue; rows can still be sampled without conditions"
            onRetry={catalogue.refetch}
          />
        )}
        {modes.length > 0 && stats.isPending && <Loading label="Loading the dataset's values…" />}
        {stats.error && (
          <ErrorMessage
            error={stats.error}
            title="Could not load the dataset's values; rows can still be sampled without conditions"
            onRetry={stats.refetch}
          />
        )}
        {modes.length > 0 && stats.data && (
          <ConditionsEditor
            modes={modes}
            columns={stats.data.columns}
            value={conditions}
            onChange={setConditions}
            errors={errors}
          />
        )}
        <button type="submit" className="btn-primary" disabled={sample.isPending}>
          {sample.isPending ? 'Sampling…' : 'Sample'}
        </button>
      </form>
      {warmingUp && (
        <p role="status" className="text-sm text-amber-800">
          The engine is warming up: the first call after a restart loads its libraries, which takes
          several seconds.
        </p>
      )}
      {sample.error && !fieldOf(sample.error) && (
        <ErrorMessage
          error={sample.error}
          title="Sampling failed"
          onRetry={() => sample.mutate(sample.variables)}
        />
      )}
      {result && (
        <div className="space-y-3">
          <SampleSummary {...result} />
          <SampleTable
            key={result.number}
            columns={result.answer.columns}
            rows={result.answer.rows}
          />
          <div className="flex flex-wrap items-start gap-4">
            <button
              type="button"
              className="btn-secondary mt-6"
              disabled={sample.isPending}
              onClick={regenerate}
            >
              Regenerate
            </button>
            <form onSubmit={submitLikeThis} noValidate className="flex flex-wrap items-start gap-2">
              <TextField
                id="like-rows"
                label="Rows in the batch"
                className="w-40"
                inputMode="numeric"
                value={batchRows}
                onChange={setBatchRows}
                error={errors.count}
              />
              <button type="submit" className="btn-primary mt-6" disabled={like.isPending}>
                {like.isPending ? 'Queueing…' : `Generate ${batchRows.trim()} like this`}
              </button>
            </form>
          </div>
          {like.error && !fieldOf(like.error) && (
            <ErrorMessage error={like.error} title="The batch could not start" />
          )}
          {like.data && (
            <p role="status" className="text-sm text-slate-700">
              Batch #{like.data.id} queued with {describeConditions(result.request)}: it appears in
              the batch list below.
            </p>
          )}
        </div>
      )}
      {kinds.includes('impute') && <ImputeUpload modelId={modelId} />}
    </div>
  );
}

/** How many rows came, from which seed, under which conditions, and how long they took. */
function SampleSummary({ request, answer, seconds }) {
  const engine = answer.engine ?? {};
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p data-testid="sample-summary" data-seed={answer.seed}>
        {formatNumber(answer.count)} rows · seed {answer.seed} · {describeConditions(request)} ·{' '}
        {seconds.toFixed(2)} s
        {engine.seconds != null ? ` (${engine.seconds.toFixed(2)} s in the engine)` : ''}
      </p>
      {engine.modelLoad === 'loaded' && (
        <p className="text-slate-600">
          The model was loaded into the engine for this call; the next calls reuse it.
        </p>
      )}
    </div>
  );
}
