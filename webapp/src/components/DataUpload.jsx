import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { uploadDataset } from '../api/upload.js';
import { inferFile } from '../lib/inferTypes.js';
import { formatBytes } from '../lib/format.js';
import DatasetProfile from './DatasetProfile.jsx';
import { ErrorMessage, FieldError, Loading, ProgressBar } from './Feedback.jsx';
import UploadPreview from './UploadPreview.jsx';
import { schemaKey } from './LinkedTables.jsx';

const PREVIEWABLE = /\.(csv|tsv|txt|tab)$/i;

/**
 * Drop (or pick) a table: the browser previews it with inferred types at once, the user can
 * correct them, then the upload sends the file with the corrected types, with a progress bar, and
 * the server's profile follows.
 */
export default function DataUpload({ projectId, onUploaded }) {
  const queryClient = useQueryClient();
  const inputRef = useRef(null);
  const [dragging, setDragging] = useState(false);
  const [file, setFile] = useState(null);
  const [name, setName] = useState('');
  const [inference, setInference] = useState(null);
  const [inferring, setInferring] = useState(false);
  const [inferError, setInferError] = useState(null);
  const [types, setTypes] = useState({});
  const [progress, setProgress] = useState(null);
  const [uploadError, setUploadError] = useState(null);
  const [schemaErrors, setSchemaErrors] = useState({});
  const [dataset, setDataset] = useState(null);

  async function choose(picked) {
    if (!picked) return;
    setFile(picked);
    setName(picked.name.replace(/\.[^.]+$/, ''));
    setInference(null);
    setInferError(null);
    setTypes({});
    setProgress(null);
    setUploadError(null);
    setSchemaErrors({});
    setDataset(null);
    if (!PREVIEWABLE.test(picked.name)) return;
    setInferring(true);
    try {
      const result = await inferFile(picked);
      setInference(result);
      setTypes(Object.fromEntries(result.columns.map((c) => [c.name, c.type])));
    } catch (error) {
      setInferError(error);
    } finally {
      setInferring(false);
    }
  }

  async function upload() {
    setUploadError(null);
    setSchemaErrors({});
    // The types the user changed by hand travel with the file; the server infers the others.
    const chosen = {};
    for (const column of inference?.columns ?? []) {
      const wanted = types[column.name];
      if (wanted && wanted !== column.type) chosen[column.name] = wanted;
    }
    // The server takes an upload whole or not at all: drop a refused type and send the file again.
    const refused = {};
    let created;
    while (!created) {
      setProgress(0);
      try {
        created = await uploadDataset(
          { projectId, file, name: name.trim() || undefined, types: chosen },
          setProgress,
        );
      } catch (error) {
        const column = error.field?.replace(/^types\./, '');
        if (!column || !(column in chosen)) {
          setProgress(null);
          setUploadError(error);
          setSchemaErrors(refused);
          return;
        }
        refused[column] = error.message;
        delete chosen[column];
      }
    }
    setSchemaErrors(refused);
    setDataset(created);
    queryClient.invalidateQueries({ queryKey: ['datasets', String(projectId)] });
    queryClient.invalidateQueries({ queryKey: schemaKey(projectId) });
    onUploaded?.(created);
  }

  function onDrop(event) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer?.files?.[0]);
  }

  const uploading = progress !== null && !dataset && !uploadError;
  return (
    <section aria-labelledby="upload-title" className="card">
      <h2 id="upload-title" className="text-lg font-semibold">
        Upload a dataset
      </h2>
      <div
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mt-2 flex flex-col items-center justify-center rounded-lg border-2 border-dashed p-6 text-center ${dragging ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-slate-50'}`}
      >
        <p className="text-slate-700">Drag and drop a CSV file here</p>
        <p className="my-1 text-sm text-slate-500">or</p>
        <label htmlFor="file-input" className="btn-secondary cursor-pointer">
          Choose a file
        </label>
        <input
          ref={inputRef}
          id="file-input"
          type="file"
          accept=".csv,.tsv,.txt,.tab,.parquet,text/csv"
          className="sr-only"
          onChange={(e) => choose(e.target.files?.[0])}
        />
      </div>

      {file && (
        <p className="mt-3 text-sm text-slate-700">
          Selected <strong>{file.name}</strong> ({formatBytes(file.size)})
        </p>
      )}
      {inferring && <Loading label="Reading the first rows…" />}
      <ErrorMessage error={inferError} title="Could not read this file" />
      {file && !inference && !inferring && !inferError && (
        <p className="mt-2 text-sm text-slate-600">
          No preview for this kind of file; the server reads its types on upload.
        </p>
      )}
      {inference && (
        <UploadPreview
          inference={inference}
          types={types}
          errors={schemaErrors}
          onTypeChange={(column, type) => setTypes((t) => ({ ...t, [column]: type }))}
        />
      )}

      {file && !dataset && (
        <div className="mt-4 flex flex-wrap items-end gap-3">
          <div className="min-w-[12rem] flex-1">
            <label htmlFor="dataset-name" className="label">
              Dataset name
            </label>
            <input
              id="dataset-name"
              className={`input ${uploadError?.field === 'name' ? 'input-invalid' : ''}`}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            {uploadError?.field === 'name' && <FieldError message={uploadError.message} />}
          </div>
          <button type="button" className="btn-primary" onClick={upload} disabled={uploading}>
            {uploading ? 'Uploading…' : 'Upload'}
          </button>
        </div>
      )}
      {progress !== null && (
        <div className="mt-3">
          <ProgressBar
            value={progress}
            label={
              progress >= 1 ? (dataset ? 'Uploaded' : 'Profiling on the server…') : 'Uploading'
            }
          />
        </div>
      )}
      {uploadError && uploadError.field !== 'name' && (
        <div className="mt-3">
          <ErrorMessage error={uploadError} title="The upload failed" />
        </div>
      )}
      {dataset && (
        <div className="mt-4 space-y-3">
          <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-800">
            Uploaded “{dataset.name}”: {dataset.rowCount?.toLocaleString('en-US')} rows,{' '}
            {dataset.columns.length} columns.{' '}
            <Link
              className="font-medium underline"
              to={`/projects/${projectId}/datasets/${dataset.id}`}
            >
              Train a model on it →
            </Link>
          </p>
          {Object.keys(schemaErrors).length > 0 && (
            <p className="field-error">
              Some of your type changes were refused; see the preview above.
            </p>
          )}
          <DatasetProfile datasetId={dataset.id} />
        </div>
      )}
    </section>
  );
}
