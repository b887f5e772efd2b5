// The conditions the Try it panel asks for, from what its form holds to the `conditions` or
// `shares` that POST /api/models/{id}/sample and POST /api/generate both take.

/** Ways to condition the rows, each with the catalogue's name for it (an algorithm's `conditioning`). */
export const MODES = [
  { id: 'fixed', kind: 'fixed', label: 'Fixed values' },
  { id: 'shares', kind: 'rebalance', label: 'Target shares' },
];

const NUMERIC = ['integer', 'float'];
// Ids and free text carry nothing a model could hold fixed; the server refuses them.
const NOT_CONDITIONED = ['id', 'text'];
const SHARED = ['categorical', 'boolean'];

/** The columns a fixed value may be given for. */
export const fixedColumns = (columns) => columns.filter((c) => !NOT_CONDITIONED.includes(c.type));

/** The columns whose shares can be set: categorical and boolean ones, with the values seen. */
export const shareColumns = (columns) =>
  columns.filter((c) => SHARED.includes(c.type) && c.topValues?.length > 0);

/** A typed value as the API takes it: a number for numeric columns, else the text as typed. */
function typedValue(column, text) {
  const value = text.trim();
  return NUMERIC.includes(column?.type) && value !== '' && Number.isFinite(Number(value))
    ? Number(value)
    : value;
}

/** The sum of the typed percentages, ignoring the values left empty. */
export function sharesTotal(percents) {
  return Object.values(percents)
    .filter((p) => p.trim() !== '')
    .reduce((sum, p) => sum + Number(p), 0);
}

function fixedPart(fixed, columns) {
  const conditions = {};
  for (const { column, value } of fixed) {
    if (!column) return { error: 'Pick a column for every fixed value, or remove it.' };
    if (value.trim() === '') return { error: `Enter the value that ${column} takes.` };
    if (column in conditions) return { error: `${column} is fixed twice: keep one value.` };
    conditions[column] = typedValue(
      columns.find((c) => c.name === column),
      value,
    );
  }
  if (Object.keys(conditions).length === 0) return { error: 'Add a value to fix.' };
  return { part: { conditions } };
}

function sharesPart({ column, percents }) {
  if (!column) return { error: 'Pick the column whose shares to set.' };
  const given = Object.entries(percents).filter(([, p]) => p.trim() !== '');
  const bad = given.find(([, p]) => !(Number(p) >= 0 && Number(p) <= 100));
  if (bad) return { error: `The share of ${bad[0]} must be a percentage from 0 to 100.` };
  const total = sharesTotal(percents);
  if (Math.abs(total - 100) > 0.01) {
    return {
      error: `The shares add up to ${Number(total.toFixed(2))}%: they must add up to 100%.`,
    };
  }
  const shares = Object.fromEntries(given.map(([value, p]) => [value, Number(p) / 100]));
  return { part: { shares: { [column]: shares } } };
}

/**
 * The request part for the chosen conditions ({} without any), or `error`: what keeps them from
 * being sent, under the request field it belongs to (`conditions` or `shares`).
 */
export function conditionsRequest({ mode, fixed, shares }, columns) {
  if (mode === 'fixed') {
    const { part, error } = fixedPart(fixed, columns);
    return error ? { error: { conditions: error } } : { part };
  }
  if (mode === 'shares') {
    const { part, error } = sharesPart(shares);
    return error ? { error: { shares: error } } : { part };
  }
  return { part: {} };
}

/** Only the conditioning of a request, to ask for more rows like it. */
export function conditionsOf(request) {
  const part = {};
  if (request.conditions) part.conditions = request.conditions;
  if (request.shares) part.shares = request.shares;
  return part;
}

/** Conditions in words: "species = Adelie", "sex: 50% female, 50% male". */
export function describeConditions(request) {
  if (request.conditions) {
    return Object.entries(request.conditions)
      .map(([column, value]) => `${column} = ${value}`)
      .join(', ');
  }
  if (request.shares) {
    return Object.entries(request.shares)
      .map(
        ([column, shares]) =>
          `${column}: ${Object.entries(shares)
            .map(([value, share]) => `${Number((share * 100).toFixed(2))}% ${value}`)
            .join(', ')}`,
      )
      .join('; ');
  }
  return 'no conditions';
}
