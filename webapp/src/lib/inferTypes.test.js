import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter } from './csv.js';
import { decodeText, inferColumn, inferFile, inferTable } from './inferTypes.js';

const typeOf = (values, name = 'c') => inferColumn(name, values).type;

describe('column type inference (same rules as the server)', () => {
  it('reads the penguins columns as the server does', () => {
    const csv = [
      'species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year',
      'Adelie,Torgersen,39.1,18.7,181,3750,male,2007',
      'Adelie,Torgersen,39.5,17.4,186,3800,female,2007',
      'Adelie,Torgersen,NA,NA,NA,NA,NA,2007',
      'Gentoo,Biscoe,46.1,13.2,211,4500,female,2008',
      'Chinstrap,Dream,46.5,17.9,192,3500,female,2009',
    ].join('\n');
    const { columns, delimiter } = inferTable(csv);
    expect(delimiter).toBe(',');
    expect(Object.fromEntries(columns.map((c) => [c.name, c.type]))).toEqual({
      species: 'categorical',
      island: 'categorical',
      bill_length_mm: 'float',
      bill_depth_mm: 'float',
      flipper_length_mm: 'integer',
      body_mass_g: 'integer',
      sex: 'categorical',
      year: 'integer',
    });
    expect(columns[2].nullCount).toBe(1);
  });

  it('treats every null token as missing, and an all-null column as categorical', () => {
    expect(typeOf(['', 'NA', 'N/A', 'null', 'NULL', '?', 'None'])).toBe('categorical');
    expect(typeOf(['1', 'NA', '3', '?', '2'])).toBe('integer');
    expect(inferColumn('c', ['1', 'None', '']).nullCount).toBe(2);
    expect(typeOf(['na', 'nan', 'x', 'x'])).toBe('categorical');
  });

  it('recognises one boolean family at a time, case-insensitively', () => {
    expect(typeOf(['true', 'FALSE', 'True'])).toBe('boolean');
    expect(typeOf(['Yes', 'no'])).toBe('boolean');
    expect(typeOf(['y', 'N'])).toBe('boolean');
    expect(typeOf(['t', 'f'])).toBe('boolean');
    expect(typeOf(['0', '1', '1'])).toBe('boolean');
    expect(typeOf(['yes', 'false', 'yes'])).toBe('categorical');
  });

  it('tells integers from ids by order, uniqueness and name', () => {
    expect(typeOf(['1', '2', '3', '10'])).toBe('id');
    expect(typeOf(['3', '1', '2'])).toBe('integer');
    expect(typeOf(['3', '1', '2'], 'customer_id')).toBe('id');
    expect(typeOf(['3', '1', '2'], 'ID')).toBe('id');
    expect(typeOf(['3', '1', '2'], 'userId')).toBe('id');
    expect(typeOf(['3', '1', '3'], 'customer_id')).toBe('integer');
    expect(typeOf(['1', '2', ''], 'id')).toBe('integer');
    expect(typeOf(['7'], 'id')).toBe('integer');
    expect(typeOf(['-5', '+3', '12'])).toBe('id');
    expect(typeOf(['5', '-3', '12'])).toBe('integer');
  });

  it('reads decimals, exponents and over-long integers as floats', () => {
    expect(typeOf(['1.5', '2', '-3.25'])).toBe('float');
    expect(typeOf(['1e5', '.5', '3.'])).toBe('float');
    expect(typeOf(['1234567890123456789', '2'])).toBe('float');
    expect(typeOf(['1.5', 'abc', 'abc'])).toBe('categorical');
    expect(typeOf(['1.5', 'abc'])).toBe('id');
    expect(typeOf(['1,5', '2,5', '2,5'])).toBe('categorical');
  });

  it('picks the first datetime layout that fits every value, with real dates only', () => {
    expect(inferColumn('d', ['2024-01-31', '2023-12-01']).datetimeFormat).toBe('%Y-%m-%d');
    expect(inferColumn('d', ['2024-01-31 10:00:00']).datetimeFormat).toBe('%Y-%m-%d %H:%M:%S');
    expect(inferColumn('d', ['2024-01-31T10:00:00Z']).datetimeFormat).toBe('%Y-%m-%dT%H:%M:%SZ');
    expect(inferColumn('d', ['2024-01-31 10:00:00.123']).datetimeFormat).toBe(
      '%Y-%m-%d %H:%M:%S.%f',
    );
    expect(inferColumn('d', ['01/02/2024', '12/31/2024']).datetimeFormat).toBe('%m/%d/%Y');
    expect(inferColumn('d', ['01/02/2024', '31/12/2024']).datetimeFormat).toBe('%d/%m/%Y');
    expect(inferColumn('d', ['3.4.2024', '31.12.2024']).datetimeFormat).toBe('%d.%m.%Y');
    expect(inferColumn('d', ['1/2/2024 9:30']).datetimeFormat).toBe('%m/%d/%Y %H:%M');
    expect(typeOf(['2024-02-29', '2023-01-01'])).toBe('datetime');
    expect(typeOf(['2023-02-29', '2023-01-01'])).not.toBe('datetime');
    expect(typeOf(['2023-01-01 24:00:00', '2023-01-02 01:00:00'])).not.toBe('datetime');
    expect(typeOf(['2024-01-31', '2024/01/31'])).not.toBe('datetime');
  });

  it('reads unique compact strings as ids, long strings as text, the rest as categorical', () => {
    expect(typeOf(['a1b2', 'c3d4', 'e5f6'])).toBe('id');
    expect(typeOf(['New York', 'Paris', 'Rome'])).toBe('categorical');
    expect(typeOf(['a1b2', 'c3d4', 'a1b2'])).toBe('categorical');
    expect(typeOf(['x '.repeat(60), 'y y'.repeat(40)])).toBe('text');
    const many = Array.from({ length: 1500 }, (_, i) => `word ${i}`);
    expect(typeOf(many)).toBe('text');
    const few = Array.from({ length: 1500 }, (_, i) => `word ${i % 20}`);
    expect(typeOf(few)).toBe('categorical');
  });
});

describe('reading the file', () => {
  it('detects ; tab and | delimiters and ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n4;5;6\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(sniffDelimiter('name;note\n"x";"a, b, c"\n"y";"d, e"\n')).toBe(';');
    expect(sniffDelimiter('a,b;c\n1,2;3\n4,5\n')).toBe(',');
  });

  it('parses quoted fields with embedded newlines and quotes, and strips the BOM', () => {
    const text = '\uFEFFid,comment\r\n1,"line one\nline two"\r\n2,"say ""hi"""\r\n\r\n';
    const { columns, rows } = inferTable(text);
    expect(columns.map((c) => c.name)).toEqual(['id', 'comment']);
    expect(rows).toEqual([
      ['1', 'line one\nline two'],
      ['2', 'say "hi"'],
    ]);
  });

  it('drops a record cut short at the end of a partial sample', () => {
    expect(parseCsv('a,b\n1,2\n3,4', ',', false)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2\n3,4', ',', true)).toHaveLength(3);
  });

  it('reads only the first 64 KB of a large file', async () => {
    const header = 'n,flag\n';
    const body = Array.from({ length: 20000 }, (_, i) => `${i},${i % 2 ? 'yes' : 'no'}`).join('\n');
    const file = new File([header + body], 'big.csv', { type: 'text/csv' });
    expect(file.size).toBeGreaterThan(64 * 1024);
    const result = await inferFile(file);
    expect(result.sampledRows).toBeLessThan(20000);
    expect(result.columns.map((c) => c.type)).toEqual(['id', 'boolean']);
  });

  it('reads a Windows-1252 file with its accents', async () => {
    const bytes = Uint8Array.from(
      [...'city,n\nBesan']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xe7],
          [...'on,1\n'].map((c) => c.charCodeAt(0)),
        ),
    );
    const result = await inferFile(new File([bytes], 'excel.csv', { type: 'text/csv' }));
    expect(result.rows[0][0]).toBe('Besan\u00e7on');
  });

  it('keeps a UTF-8 character cut by the end of a partial slice', () => {
    const euro = new TextEncoder().encode('a\n\u20ac');
    expect(decodeText(euro.slice(0, 4), false)).toBe('a\n');
    expect(decodeText(euro, true)).toBe('a\n\u20ac');
  });

  it('says so when the file is empty', () => {
    expect(() => inferTable('')).toThrow(/empty/);
  });
});
