import { authHeaders, failure } from './client.js';

/** The file name from a Content-Disposition header (RFC 6266, filename* preferred). */
export function fileNameFrom(disposition, fallback) {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(disposition);
  if (plain) return (plain[2] ?? plain[1]).trim();
  return fallback;
}

/** The download URL of a batch; CSV cells a spreadsheet would run as formulas come neutralised. */
export function batchDownloadUrl(batchId, format) {
  const query = new URLSearchParams({ format });
  if (format === 'csv') query.set('neutraliseFormulas', 'true');
  return `/api/synthetic/${batchId}/download?${query}`;
}

/** Fetches a file with the bearer token and saves it under the server's name (or the fallback). */
async function saveDownload(url, fallbackName) {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const name = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  return name;
}

/** Downloads a batch in a format. */
export const downloadBatch = (batchId, format) =>
  saveDownload(batchDownloadUrl(batchId, format), `batch-${batchId}.${format}`);

/** Downloads a model's evaluation as one self-contained HTML page. */
export const downloadEvaluationReport = (modelId) =>
  saveDownload(`/api/models/${modelId}/evaluation/report`, `model-${modelId}-evaluation.html`);

/** Downloads a database batch: a zip of one file per table (csv, parquet) or one SQL script. */
export function downloadDatabaseBatch(batchId, format, dialect) {
  const query = new URLSearchParams({ format });
  if (format === 'sql') query.set('dialect', dialect);
  const fallback = `database-batch-${batchId}.${format === 'sql' ? 'sql' : 'zip'}`;
  return saveDownload(`/api/database-batches/${batchId}/download?${query}`, fallback);
}
