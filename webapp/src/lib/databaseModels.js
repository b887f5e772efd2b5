// What a project's schema asks of an algorithm before a database model can be trained, and the
// checks of the generation form, so that the dashboard says why before the server refuses.
import { keyLabel } from './schemaLayout.js';

/** The relational abilities the schema's relationships need: sequences for orderBy, compositeKeys for keys of several columns. */
export function schemaNeeds(relationships) {
  return {
    sequences: relationships.some((r) => r.orderBy?.length > 0),
    compositeKeys: relationships.some((r) => r.parentColumns.length > 1),
  };
}

/** Why this algorithm cannot learn the schema's relationships: null when it can. */
export function whyNot(algorithm, relationships) {
  const relational = algorithm?.relational ?? {};
  if (!relational.linkedTables) return `${algorithm.name} cannot learn linked tables.`;
  const needs = schemaNeeds(relationships);
  if (needs.sequences && !relational.sequences) {
    const ordered = relationships.find((r) => r.orderBy?.length > 0);
    return `${algorithm.name} cannot learn ordered child rows, and ${keyLabel(ordered.childTable, ordered.childColumns)} is ordered by ${ordered.orderBy.join(', ')}.`;
  }
  if (needs.compositeKeys && !relational.compositeKeys) {
    const composite = relationships.find((r) => r.parentColumns.length > 1);
    return `${algorithm.name} cannot learn keys of several columns, such as ${keyLabel(composite.parentTable, composite.parentColumns)}.`;
  }
  return null;
}

/** The catalogue's algorithms that learn linked tables at all: the ones a database model may use. */
export const relationalAlgorithms = (algorithms) =>
  algorithms.filter((a) => a.relational?.linkedTables === true);

export const SCALE = { min: 0.001, max: 100 };

/** What is wrong with a typed scale for a generated database: null when it is fine. */
export function checkScale(text) {
  const scale = Number(text.trim());
  if (text.trim() !== '' && Number.isFinite(scale) && scale >= SCALE.min && scale <= SCALE.max)
    return null;
  return `Scale must be a number from ${SCALE.min} to ${SCALE.max}.`;
}

/** The tables of a database model that no relationship makes a child: the only ones that take fixed values. */
export const rootTables = (model) =>
  (model.tables ?? [])
    .map((t) => t.name)
    .filter((name) => !(model.relationships ?? []).some((r) => r.childTable === name));

/**
 * A table's fixed values as typed, `column=value` pairs separated by commas: the request's
 * column → value object (null when nothing is typed), or the error that says what is wrong.
 */
export function parseFixedValues(text) {
  if (text.trim() === '') return { values: null, error: null };
  const values = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const column = pair.slice(0, at).trim();
    if (at < 0 || column === '' || pair.slice(at + 1).trim() === '') {
      return { values: null, error: 'Write column=value pairs separated by commas.' };
    }
    values[column] = pair.slice(at + 1).trim();
  }
  return { values, error: null };
}
