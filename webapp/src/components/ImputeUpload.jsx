import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { imputeRows } from '../api/endpoints.js';
import { batchesKey } from './BatchList.jsx';
import { ErrorMessage, FieldError } from './Feedback.jsx';

/** Uploads a table with empty cells; the model fills them, and the filled table is a batch. */
export default function ImputeUpload({ modelId }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState(null);
  const impute = useMutation({
    mutationFn: () => imputeRows(modelId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: batchesKey(modelId) }),
  });
  // A 400 is about the uploaded table (a missing column, an impossible value): it shows by the file.
  const refused = impute.error?.status === 400 ? impute.error.message : null;
  return (
    <form
      aria-labelledby="impute-title"
      className="space-y-2 border-t border-slate-200 pt-4"
      onSubmit={(event) => {
        event.preventDefault();
        impute.mutate();
      }}
    >
      <h3 id="impute-title" className="font-semibold">
        Fill empty cells
      </h3>
      <p className="text-sm text-slate-600">
        Upload a CSV or Parquet file with every column of the dataset and some empty cells: the
        model fills each empty cell, and the filled table becomes a batch in the list below.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="impute-file" className="label">
            Table with empty cells
          </label>
          <input
            id="impute-file"
            type="file"
            accept=".csv,.parquet,text/csv"
            className="text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              impute.reset();
            }}
            aria-invalid={Boolean(refused)}
            aria-describedby={refused ? 'impute-file-error' : undefined}
          />
        </div>
        <button type="submit" className="btn-secondary" disabled={!file || impute.isPending}>
          {impute.isPending ? 'Uploading…' : 'Fill the empty cells'}
        </button>
      </div>
      <FieldError id="impute-file-error" message={refused} />
      {impute.error && !refused && (
        <ErrorMessage error={impute.error} title="The table could not be filled" />
      )}
      {impute.data && (
        <p role="status" className="text-sm text-slate-700">
          Batch #{impute.data.id} queued: it appears in the batch list below.
        </p>
      )}
    </form>
  );
}
