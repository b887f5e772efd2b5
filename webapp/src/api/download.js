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

/** Downloads a batch in a format with the bearer token, then saves it via a blob URL. */
export async function downloadBatch(batchId, format) {
  const response = await fetch(batchDownloadUrl(batchId, format), {
    headers: authHeaders(),
  });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const name = fileNameFrom(
    response.headers.get('Content-Disposition'),
    `batch-${batchId}.${format}`,
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
