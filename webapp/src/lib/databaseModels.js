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
