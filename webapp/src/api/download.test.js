import { describe, expect, it } from 'vitest';
import { batchDownloadUrl } from './download.js';

describe('batch downloads', () => {
  it('ask for CSV with spreadsheet formulas neutralised', () => {
    expect(batchDownloadUrl(7, 'csv')).toBe(
      '/api/synthetic/7/download?format=csv&neutraliseFormulas=true',
    );
  });

  it('leave the other formats as they are', () => {
    expect(batchDownloadUrl(7, 'parquet')).toBe('/api/synthetic/7/download?format=parquet');
    expect(batchDownloadUrl(7, 'sql')).toBe('/api/synthetic/7/download?format=sql');
  });
});
