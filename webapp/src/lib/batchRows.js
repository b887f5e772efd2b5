/** The most rows one batch may ask for: the server's default (DOPPEL_MAX_GENERATED_ROWS). */
export const MAX_BATCH_ROWS = 10_000_000;

/** What is wrong with a typed number of rows for a batch: null when it is fine. */
export function checkBatchRows(text) {
  const rows = text.trim();
  if (/^\d+$/.test(rows) && Number(rows) >= 1 && Number(rows) <= MAX_BATCH_ROWS) return null;
  return `Enter a whole number of rows from 1 to ${MAX_BATCH_ROWS.toLocaleString('en-US')}.`;
}
