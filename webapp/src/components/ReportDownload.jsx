import { useState } from 'react';
import { downloadEvaluationReport } from '../api/download.js';
import { ErrorMessage } from './Feedback.jsx';

/** Saves the model's evaluation as one HTML file, charts included, to keep, print or pass on. */
export default function ReportDownload({ modelId }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      await downloadEvaluationReport(modelId);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="space-y-2">
      <button type="button" className="btn-secondary" onClick={download} disabled={busy}>
        {busy ? 'Preparing…' : '⬇ Download report (HTML)'}
      </button>
      {error && <ErrorMessage error={error} title="The report could not be downloaded" />}
    </div>
  );
}
