// Browser-side CSV reading for the upload preview. It mirrors the server's CsvParser and
// DelimiterSniffer so that what the user sees before uploading matches what the server will find.

import { DELIMITERS } from './tableRules.js';

const MAX_SNIFF_RECORDS = 50;

export function stripBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Counts, per record, how often `delimiter` separates fields outside quotes. */
function countPerRecord(sample, delimiter, complete) {
  const counts = [];
  let count = 0;
  let inQuotes = false;
  let fieldStart = true;
  let blank = true;
  const n = sample.length;
  for (let i = 0; i < n && counts.length < MAX_SNIFF_RECORDS; i++) {
    const c = sample[i];
    if (inQuotes) {
      if (c === '"') {
        if (i + 1 < n && sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (!blank) counts.push(count);
      count = 0;
      fieldStart = true;
      blank = true;
      continue;
    }
    blank = false;
    if (c === delimiter) {
      count++;
      fieldStart = true;
    } else if (c === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else {
      fieldStart = false;
    }
  }
  // A cut-off last record is left out, unless it is all there is.
  if (
    !blank &&
    !inQuotes &&
    counts.length < MAX_SNIFF_RECORDS &&
    (complete || counts.length === 0)
  ) {
    counts.push(count);
  }
  return counts;
}

/** The candidate that splits the most records into the same non-zero number of fields. */
export function sniffDelimiter(sample, complete = true) {
  let best = ',';
  let bestAgreeing = 0;
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const tally = new Map();
    for (const count of countPerRecord(sample, candidate, complete)) {
      if (count > 0) tally.set(count, (tally.get(count) || 0) + 1);
    }
    let agreeing = 0;
    let usualCount = 0;
    for (const [fields, records] of tally) {
      if (records > agreeing || (records === agreeing && fields > usualCount)) {
        agreeing = records;
        usualCount = fields;
      }
    }
    if (
      agreeing > bestAgreeing ||
      (agreeing === bestAgreeing && agreeing > 0 && usualCount > bestCount)
    ) {
      best = candidate;
      bestAgreeing = agreeing;
      bestCount = usualCount;
    }
  }
  return best;
}

/**
 * Parses RFC 4180 text into records (arrays of strings). Blank lines are skipped. When the text
 * is only the start of a file (`complete` false), a last record that may be cut short is dropped.
 */
export function parseCsv(text, delimiter, complete = true) {
  const records = [];
  let record = [];
  let field = '';
  let inQuotes = false;
  let quoted = false;
  let recordHasContent = false;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    recordHasContent = false;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (i + 1 < n && text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (recordHasContent) endRecord();
      continue;
    }
    recordHasContent = true;
    if (c === delimiter) {
      endField();
    } else if (c === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else {
      field += c;
    }
  }
  if (recordHasContent && complete && !inQuotes) endRecord();
  return records;
}
