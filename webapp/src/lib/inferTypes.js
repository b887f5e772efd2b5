// Column type inference for the upload preview: the server's logic (ColumnAccumulator) over the
// shared table rules. The server's answer after upload wins; this only gives a first look.
import { parseCsv, sniffDelimiter, stripBom } from './csv.js';
import {
  BOOLEAN_SPELLINGS,
  CATEGORICAL_LIMIT,
  DATETIME_LAYOUTS,
  NULL_TOKENS,
  SNIFF_BYTES,
  isIdName,
} from './tableRules.js';

export const COLUMN_TYPES = [
  'integer',
  'float',
  'categorical',
  'boolean',
  'datetime',
  'id',
  'text',
];

const INTEGER = /^[+-]?\d{1,18}$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function realDate(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function realTime(h, mi, s) {
  return h <= 23 && mi <= 59 && s <= 59;
}

/** Whether `value` is a real date/time in the layout. */
export function fitsFormat(format, value) {
  const match = format.shape.exec(value);
  if (!match) return false;
  const g = match.groups;
  if (!realDate(Number(g.Y), Number(g.m), Number(g.d))) return false;
  if (g.H !== undefined && !realTime(Number(g.H), Number(g.M), Number(g.S ?? 0))) return false;
  return true;
}

export function isNullToken(value) {
  return value == null || NULL_TOKENS.has(value);
}

/**
 * Infers the type of one column from its values (strings, nulls included).
 * Returns { type, datetimeFormat, nullCount, distinctCount }.
 */
export function inferColumn(name, values) {
  const nonNull = values.filter((v) => !isNullToken(v));
  const nullCount = values.length - nonNull.length;
  const distinct = new Set(nonNull).size;
  const result = (type, datetimeFormat = null) => ({
    type,
    datetimeFormat,
    nullCount,
    distinctCount: distinct,
  });
  if (nonNull.length === 0) return result('categorical');

  const unique = nullCount === 0 && nonNull.length >= 2 && distinct === nonNull.length;

  const lowered = nonNull.map((v) => v.toLowerCase());
  if (BOOLEAN_SPELLINGS.some((family) => lowered.every((v) => family.includes(v)))) {
    return result('boolean');
  }

  if (nonNull.every((v) => INTEGER.test(v))) {
    let increasing = true;
    for (let i = 1; i < nonNull.length && increasing; i++) {
      // BigInt keeps 18-digit values exact.
      increasing = BigInt(nonNull[i]) > BigInt(nonNull[i - 1]);
    }
    return result(unique && (isIdName(name) || increasing) ? 'id' : 'integer');
  }

  if (nonNull.every((v) => DECIMAL.test(v))) return result('float');

  const format = DATETIME_LAYOUTS.find((f) => nonNull.every((v) => fitsFormat(f, v)));
  if (format) return result('datetime', format.strftime);

  const maxLength = Math.max(...nonNull.map((v) => v.length));
  if (unique && !nonNull.some((v) => /\s/.test(v)) && maxLength <= 64) return result('id');

  const meanLength = nonNull.reduce((sum, v) => sum + v.length, 0) / nonNull.length;
  if (meanLength > 100) return result('text');
  if (distinct > CATEGORICAL_LIMIT && distinct > nonNull.length / 2) return result('text');
  return result('categorical');
}

/**
 * Reads the start of a delimited text file and infers each column's type.
 * `complete` says whether `text` is the whole file (else its last record may be cut short).
 * Returns { delimiter, columns: [{name,type,datetimeFormat,nullCount,distinctCount}], rows, sampledRows }.
 */
export function inferTable(rawText, complete = true) {
  const text = stripBom(rawText);
  const delimiter = sniffDelimiter(text, complete);
  const records = parseCsv(text, delimiter, complete);
  if (records.length === 0) {
    throw new Error('The file is empty.');
  }
  const header = records[0].map((name) => name.trim());
  const rows = records.slice(1);
  const columns = header.map((name, index) => ({
    name,
    ...inferColumn(
      name,
      rows.map((row) => (index < row.length ? row[index] : '')),
    ),
  }));
  return { delimiter, columns, rows, sampledRows: rows.length };
}

/** Reads the first ~64 KB of a File/Blob and infers its columns. */
export async function inferFile(file, bytes = SNIFF_BYTES) {
  const complete = file.size <= bytes;
  const slice = complete ? file : file.slice(0, bytes);
  const text = decodeText(new Uint8Array(await readBytes(slice)), complete);
  return inferTable(text, complete);
}

/**
 * UTF-8, else Windows-1252 as Excel on Windows saves it (the server accepts both). A character cut
 * by the end of a partial slice is not an error.
 */
export function decodeText(bytes, complete) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function readBytes(blob) {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
