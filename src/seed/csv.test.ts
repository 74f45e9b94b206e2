import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, CRLF and a BOM', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""",3\r\n\r\nplain,,"multi\nline"\n');
    expect(rows).toEqual([
      { a: 'x, y', b: 'say "hi"', c: '3' },
      { a: 'plain', b: '', c: 'multi\nline' },
    ]);
  });

  it('refuses a row with the wrong number of fields and an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/unterminated/);
  });
});
