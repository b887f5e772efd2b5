import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evaluateModel, getDataset } from '../api/endpoints.js';
import { ErrorMessage, FieldError } from './Feedback.jsx';

const AUTOMATIC = '';

/** Runs the evaluation again, with the column the utility test predicts or the engine's choice. */
export default function EvaluateAgain({ modelId, datasetId }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState(AUTOMATIC);
  const dataset = useQuery({
    queryKey: ['dataset', String(datasetId)],
    queryFn: () => getDataset(datasetId),
  });
  const evaluate = useMutation({
    mutationFn: () => evaluateModel(modelId, target === AUTOMATIC ? {} : { target }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['evaluation', String(modelId)] });
      queryClient.invalidateQueries({ queryKey: ['model', String(modelId)] });
    },
  });
  const targetError = evaluate.error?.field === 'target' ? evaluate.error.message : null;
  return (
    <section aria-labelledby="evaluate-title" className="card space-y-3">
      <h2 id="evaluate-title" className="text-lg font-semibold">
        Evaluate again
      </h2>
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          evaluate.mutate();
        }}
      >
        <div className="w-64">
          <label htmlFor="utility-target" className="label">
            Column the utility test predicts
          </label>
          <select
            id="utility-target"
            className={`input ${targetError ? 'input-invalid' : ''}`}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-invalid={Boolean(targetError)}
            aria-describedby={targetError ? 'utility-target-error' : undefined}
          >
            <option value={AUTOMATIC}>automatic</option>
            {(dataset.data?.columns ?? []).map((column) => (
              <option key={column.name} value={column.name}>
                {column.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary" disabled={evaluate.isPending}>
          {evaluate.isPending ? 'Starting…' : 'Evaluate again'}
        </button>
      </form>
      <FieldError id="utility-target-error" message={targetError} />
      {evaluate.error && !targetError && (
        <ErrorMessage error={evaluate.error} title="The evaluation could not start" />
      )}
    </section>
  );
}
