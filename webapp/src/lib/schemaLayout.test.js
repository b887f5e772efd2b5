import { describe, expect, it } from 'vitest';
import { BOX, columnList, layoutSchema } from './schemaLayout.js';

const table = (datasetId, name) => ({ datasetId, name });
const link = (parentDatasetId, childDatasetId) => ({ parentDatasetId, childDatasetId });

describe('the schema layout', () => {
  it('puts each table one column right of its deepest parent', () => {
    const { boxes, width, height } = layoutSchema(
      [table(1, 'TeamsFranchises'), table(2, 'People'), table(3, 'Teams'), table(4, 'Salaries')],
      [link(1, 3), link(3, 4), link(2, 4)],
    );
    const column = (id) => boxes.get(id).x / (BOX.width + BOX.columnGap);
    expect([column(1), column(2), column(3), column(4)]).toEqual([0, 0, 1, 2]);
    expect(boxes.get(2).y).toBe(BOX.height + BOX.rowGap);
    expect(width).toBe(3 * BOX.width + 2 * BOX.columnGap);
    expect(height).toBe(2 * BOX.height + BOX.rowGap);
  });

  it('reads a comma-separated column list', () => {
    expect(columnList(' yearID,teamID , ')).toEqual(['yearID', 'teamID']);
  });
});
