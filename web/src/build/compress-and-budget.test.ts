/** The build budget check (scripts/compress-and-budget.ts) on small fake builds: it must be able to fail. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compressAndBudget, referencedAssets } from '../../../scripts/compress-and-budget.js';

let dir: string;
const html = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/app.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor.js">
<link rel="stylesheet" crossorigin href="/assets/app.css">
<link rel="icon" href="data:image/svg+xml,x">
</head><body></body></html>`;

function build(files: Record<string, string | Buffer>, manifest: object) {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  mkdirSync(join(dir, '.vite'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, 'assets', name), body);
}
const manifest = {
  'index.html': { file: 'assets/app.js', isEntry: true, imports: ['_vendor.js'], css: ['assets/app.css'] },
  '_vendor.js': { file: 'assets/vendor.js' },
  '_shared.js': { file: 'assets/shared.js' },
  'src/app/pages/login-page.tsx': { file: 'assets/login.js', isDynamicEntry: true, imports: ['_shared.js'] },
  'src/app/pages/units-page.tsx': { file: 'assets/units.js', isDynamicEntry: true },
};
// Random bytes as hex gzip to a bit more than half their length: heavy(n) weighs about n KB gzip.
const heavy = (kb: number) => randomBytes(kb * 1024).toString('hex');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'budget-'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('compress-and-budget', () => {
  it('finds what index.html makes the browser load', () => {
    expect(referencedAssets(html)).toEqual(['assets/app.js', 'assets/vendor.js', 'assets/app.css']);
  });

  it('passes a small build, counts the login chunk and its imports, and writes .gz/.br and budget.json', () => {
    build({ 'app.js': 'console.log(1)', 'vendor.js': 'x', 'app.css': 'a{}', 'login.js': 'l', 'shared.js': 's', 'units.js': 'u' }, manifest);
    expect(compressAndBudget(dir)).toBe(0);
    const budget = JSON.parse(readFileSync(join(dir, 'budget.json'), 'utf8'));
    expect(budget.criticalPath.files).toEqual(['assets/app.css', 'assets/app.js', 'assets/login.js', 'assets/shared.js', 'assets/vendor.js', 'index.html']);
    expect(budget.ok).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'app.js.gz'))).toString()).toBe('console.log(1)');
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
  });

  it('fails when the login critical path is over 170 KB gzip', () => {
    build({ 'app.js': heavy(100), 'vendor.js': heavy(80), 'app.css': 'a{}', 'login.js': 'l', 'shared.js': 's', 'units.js': 'u' }, manifest);
    expect(compressAndBudget(dir)).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'budget.json'), 'utf8')).ok).toBe(false);
  });

  it('fails when a lazy route chunk is over 80 KB gzip', () => {
    build({ 'app.js': 'a', 'vendor.js': 'v', 'app.css': 'a{}', 'login.js': 'l', 'shared.js': 's', 'units.js': heavy(90) }, manifest);
    expect(compressAndBudget(dir)).toBe(1);
    expect(vi.mocked(console.error).mock.calls.flat().join(' ')).toMatch(/assets\/units\.js .* over the 80\.0 KB budget/);
  });
});
