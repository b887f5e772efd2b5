// Reads the relational evaluation (evaluate_database.py's report) into what the charts take.
import { keyLabel } from './schemaLayout.js';

/** "Parent(a, b) ← Child(c, d)": how a relationship is named everywhere on the dashboard. */
export const relationshipLabel = (r) =>
  `${keyLabel(r.parent, r.parentColumns ?? [])} ← ${keyLabel(r.child, r.childColumns ?? [])}`;

/**
 * The integer bins of a children-per-parent count, as labels: the engine's edges run from 0 to one
 * past the largest count, so every bin holds the counts from its lower edge to one below its upper.
 */
export function countBinLabels(edges) {
  return edges.slice(0, -1).map((low, i) => {
    const high = edges[i + 1] - 1;
    return high > low ? `${low}–${high}` : String(low);
  });
}

/**
 * A relationship's children per parent as a histogram HistogramChart draws: the engine gives the
 * shared edges (`bins`) and each side's `shares`; counts in place of shares are drawn as shares too.
 * Null when the report has no histogram for it.
 */
export function childrenPerParentHistogram(relationship) {
  const perParent = relationship.childrenPerParent;
  const edges = perParent?.bins ?? perParent?.real?.edges;
  const side = (s) => perParent?.[s]?.shares ?? perParent?.[s]?.counts;
  if (!Array.isArray(edges) || !Array.isArray(side('real')) || !Array.isArray(side('synthetic')))
    return null;
  return {
    column: `${relationship.child} rows per ${relationship.parent} row`,
    kind: 'categorical',
    bins: countBinLabels(edges),
    real: side('real'),
    synthetic: side('synthetic'),
  };
}
