import { describe, expect, it } from 'vitest';
import { conditionsOf, conditionsRequest, describeConditions } from './sampleConditions.js';

const columns = [
  { name: 'species', type: 'categorical' },
  { name: 'year', type: 'integer' },
];

const fixed = (...rows) => ({ mode: 'fixed', fixed: rows });
const shares = (column, percents) => ({ mode: 'shares', shares: { column, percents } });

describe('the conditions of a sample', () => {
  it('send a number for a numeric column and the text as typed for any other', () => {
    const { part } = conditionsRequest(
      fixed({ column: 'year', value: ' 2008 ' }, { column: 'species', value: '42' }),
      columns,
    );
    expect(part).toEqual({ conditions: { year: 2008, species: '42' } });
  });

  it('refuse a column fixed twice, or a value left empty, under conditions', () => {
    const twice = fixed({ column: 'year', value: '2008' }, { column: 'year', value: '2009' });
    expect(conditionsRequest(twice, columns).error).toEqual({
      conditions: 'year is fixed twice: keep one value.',
    });
    expect(conditionsRequest(fixed({ column: 'year', value: '' }), columns).error).toEqual({
      conditions: 'Enter the value that year takes.',
    });
  });

  it('take shares that add up to 100% within rounding, as fractions, leaving out empty ones', () => {
    const { part } = conditionsRequest(
      shares('species', { Adelie: '33.3', Gentoo: '33.3', Chinstrap: '33.4', Other: ' ' }),
      columns,
    );
    const sent = part.shares.species;
    expect(Object.keys(sent)).toEqual(['Adelie', 'Gentoo', 'Chinstrap']);
    expect(sent.Adelie).toBeCloseTo(0.333, 12);
    expect(sent.Chinstrap).toBeCloseTo(0.334, 12);
    expect(
      conditionsRequest(shares('species', { Adelie: '60', Gentoo: '39.9' }), columns).error,
    ).toEqual({ shares: 'The shares add up to 99.9%: they must add up to 100%.' });
    expect(conditionsRequest(shares('species', { Adelie: '101' }), columns).error).toEqual({
      shares: 'The share of Adelie must be a percentage from 0 to 100.',
    });
  });

  it('keep only the conditioning of a request to ask for more rows like it', () => {
    const request = { rows: 50, seed: 3, conditions: { species: 'Adelie' } };
    expect(conditionsOf(request)).toEqual({ conditions: { species: 'Adelie' } });
    expect(conditionsOf({ rows: 50 })).toEqual({});
    expect(describeConditions({ shares: { sex: { female: 0.5, male: 0.5 } } })).toBe(
      'sex: 50% female, 50% male',
    );
  });
});
