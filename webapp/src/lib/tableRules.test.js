import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BOOLEAN_SPELLINGS,
  CATEGORICAL_LIMIT,
  DATETIME_LAYOUTS,
  DELIMITERS,
  NULL_TOKENS,
  SEED_RANGE,
  SNIFF_BYTES,
  checkSeed,
  isIdName,
} from './tableRules.js';
import { inferColumn } from './inferTypes.js';

// Vitest runs in the webapp folder.
const RULES_FILE = resolve('../ai-engine/doppel_engine/table_rules.json');
const SOURCES = resolve('src');

function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(js|jsx)$/.test(name) && !/\.test\.(js|jsx)$/.test(name) ? [path] : [];
  });
}

describe('the shared table rules', () => {
  it('are the contents of the file the server and the engine read', () => {
    const file = JSON.parse(readFileSync(RULES_FILE, 'utf-8'));
    expect([...NULL_TOKENS]).toEqual(file.nullTokens);
    expect(BOOLEAN_SPELLINGS).toEqual(file.booleanSpellings);
    expect(DELIMITERS).toEqual(file.delimiters);
    expect(DATETIME_LAYOUTS.map((l) => l.strftime)).toEqual(
      file.datetimeLayouts.map((l) => l.strftime),
    );
    expect(DATETIME_LAYOUTS.map((l) => l.shape.source)).toEqual(
      file.datetimeLayouts.map((l) => new RegExp(`^${l.shape}$`).source),
    );
    expect(SEED_RANGE).toEqual(file.limits.seed);
    expect(SNIFF_BYTES).toBe(file.limits.sniffBytes);
    expect(CATEGORICAL_LIMIT).toBe(file.limits.categoricalLimit);
  });

  it('fit id names exactly ignoring case or by their ending', () => {
    for (const name of ['ID', 'Rownames', 'player_id', 'Player ID', 'playerId', 'playerID']) {
      expect(isIdName(name), name).toBe(true);
    }
    for (const name of ['idea', 'valid', 'keys', 'paid']) {
      expect(isIdName(name), name).toBe(false);
    }
  });

  it('take a seed left empty or inside the range, and refuse any other', () => {
    for (const seed of ['', '  ', '0', String(SEED_RANGE.max)]) {
      expect(checkSeed(seed), seed).toBeNull();
    }
    for (const seed of ['-1', '1.5', 'seven', String(SEED_RANGE.max + 1)]) {
      expect(checkSeed(seed), seed).toMatch(/^Seed must be a whole number from 0 to /);
    }
  });

  it('are spelled nowhere else in the dashboard', () => {
    const copies = [
      "'N/A'",
      "'yes'",
      "'%d.%m.%Y'",
      '4294967295',
      '999999999',
      "[',', ';'",
      "'rownames'",
      "'_id'",
    ];
    const offenders = sourceFiles(SOURCES).filter((path) => {
      const text = readFileSync(path, 'utf-8');
      return copies.some((copy) => text.includes(copy));
    });
    expect(offenders).toEqual([]);
  });

  it('give the preview every layout the server knows, offsets included', () => {
    expect(
      inferColumn('at', ['2024-01-02T03:04:05+01:00', '2024-02-29T23:59:59Z']).datetimeFormat,
    ).toBe('%Y-%m-%dT%H:%M:%S%z');
    expect(inferColumn('at', ['2024-02-30T03:04:05+01:00']).type).not.toBe('datetime');
  });
});
