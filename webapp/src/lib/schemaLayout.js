/**
 * Places the tables of a schema for a diagram: each table one column to the right of its deepest
 * parent, so every link points rightwards; tables in a column keep the schema's order.
 */
export const BOX = { width: 190, height: 46, columnGap: 90, rowGap: 22 };

export function layoutSchema(tables, relationships) {
  const depth = new Map(tables.map((t) => [t.datasetId, 0]));
  // The schema has no cycle, so as many passes as tables settle every depth.
  for (let pass = 0; pass < tables.length; pass += 1) {
    for (const r of relationships) {
      const below = (depth.get(r.parentDatasetId) ?? 0) + 1;
      if (below > (depth.get(r.childDatasetId) ?? 0)) depth.set(r.childDatasetId, below);
    }
  }
  const rowsInColumn = new Map();
  const boxes = new Map();
  for (const t of tables) {
    const column = depth.get(t.datasetId);
    const row = rowsInColumn.get(column) ?? 0;
    rowsInColumn.set(column, row + 1);
    boxes.set(t.datasetId, {
      x: column * (BOX.width + BOX.columnGap),
      y: row * (BOX.height + BOX.rowGap),
      table: t,
    });
  }
  const columns = Math.max(0, ...depth.values()) + 1;
  const rows = Math.max(0, ...rowsInColumn.values());
  return {
    boxes,
    width: columns * BOX.width + (columns - 1) * BOX.columnGap,
    height: rows * BOX.height + Math.max(0, rows - 1) * BOX.rowGap,
  };
}

/** "Teams(yearID, teamID)" */
export const keyLabel = (table, columns) => `${table}(${columns.join(', ')})`;

/** "a, b ,c" → ["a", "b", "c"] */
export const columnList = (text) =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
