import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to embedded PGlite under ./data in demo mode on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('turns demo mode off by default with a PostgreSQL server', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).demo).toBe(false);
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', MTQG_DEMO: 'maybe' })).toThrow(/PORT[\s\S]*MTQG_DEMO/);
  });
});
