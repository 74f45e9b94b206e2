/**
 * Runs after `vite build --config web/vite.config.ts`:
 *  1. measures every chunk (raw and gzip) and the login page's critical path: index.html plus every
 *     JS/CSS it references (script, modulepreload, stylesheet) and, following Vite's manifest, the
 *     login route's lazy chunk with its static imports: all that the browser fetches to show /login;
 *  2. fails (exit 1) when that critical path is over 170 KB gzip or a lazy route chunk is over 80 KB;
 *  3. writes dist/web/budget.json, then .gz and .br siblings (max quality) of every text asset so the
 *     server can send precompressed files.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1024;
export const CRITICAL_PATH_BUDGET = 170 * KB;
export const ROUTE_CHUNK_BUDGET = 80 * KB;
/** The module of the login route's page, as it appears in the manifest (relative to web/). */
const LOGIN_PAGE = 'src/app/pages/login-page.tsx';
const TEXT_EXT = /\.(html|js|mjs|css|json|svg|txt|xml|webmanifest|map)$/i;

const root = fileURLToPath(new URL('..', import.meta.url));

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const gzipLen = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const fmt = (n: number) => `${(n / KB).toFixed(1)} KB`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The assets index.html makes the browser fetch at once: module scripts, modulepreloads, stylesheets. */
export function referencedAssets(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) out.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\b(modulepreload|stylesheet)\b/.test(rel)) out.add(href);
  }
  return [...out].filter((u) => !/^(data:|https?:)/.test(u)).map((u) => u.replace(/^\//, ''));
}

/** A manifest chunk's file, its static imports (transitively) and their CSS. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const c = manifest[key];
  if (!c || seen.has(key)) return new Set();
  seen.add(key);
  const files = new Set([c.file, ...(c.css ?? [])]);
  for (const i of c.imports ?? []) for (const f of staticClosure(manifest, i, seen)) files.add(f);
  return files;
}

/** Measures, checks and precompresses a built dist/web; returns the exit code. */
export function compressAndBudget(dist: string = join(root, 'dist', 'web')): number {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) {
    console.error(`✗ ${relative(root, indexPath)} not found: run \`vite build --config web/vite.config.ts\` first.`);
    return 1;
  }
  // Start clean: compressed siblings from an earlier run are not assets.
  const files = walk(dist).filter((f) => !/\.(gz|br)$/.test(f) && !f.endsWith('budget.json'));
  const size = new Map<string, { raw: number; gzip: number }>();
  for (const f of files) {
    const b = readFileSync(f);
    size.set(relative(dist, f), { raw: b.length, gzip: TEXT_EXT.test(f) ? gzipLen(b) : b.length });
  }

  const manifestPath = join(dist, '.vite', 'manifest.json');
  const manifest: Manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const html = readFileSync(indexPath, 'utf8');
  const critical = new Set(['index.html', ...referencedAssets(html)]);
  const login = Object.keys(manifest).find((k) => k === LOGIN_PAGE || manifest[k]!.src === LOGIN_PAGE);
  if (login) for (const f of staticClosure(manifest, login)) critical.add(f);
  else console.warn(`! ${LOGIN_PAGE} not in the manifest: the critical path counts index.html's references only.`);

  // Per lazy chunk: its own size (the budgeted number) and, for information, what opening it costs
  // beyond the critical path (its chunk plus the shared chunks it imports that /login did not load).
  const routes = Object.entries(manifest)
    .filter(([, c]) => c.isDynamicEntry)
    .map(([key, c]) => ({
      key,
      file: c.file,
      gzip: size.get(c.file)?.gzip ?? 0,
      extraGzip: [...staticClosure(manifest, key)].filter((f) => !critical.has(f)).reduce((n, f) => n + (size.get(f)?.gzip ?? 0), 0),
    }));
  const routeFiles = new Set(routes.map((r) => r.file));

  // The table: every JS/CSS file and index.html, biggest first.
  const rows = [...size.entries()]
    .filter(([f]) => /\.(js|css|html)$/.test(f))
    .sort((a, b) => b[1].gzip - a[1].gzip);
  const w = Math.max(...rows.map(([f]) => f.length), 10);
  console.log(`\n${'file'.padEnd(w)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  role`);
  for (const [f, s] of rows) {
    const role = [critical.has(f) ? 'critical' : '', routeFiles.has(f) ? 'lazy' : ''].filter(Boolean).join(', ');
    console.log(`${f.padEnd(w)}  ${fmt(s.raw).padStart(10)}  ${fmt(s.gzip).padStart(10)}  ${role}`);
  }

  let criticalGzip = 0;
  let criticalRaw = 0;
  for (const f of critical) {
    const s = size.get(f);
    if (!s) {
      console.error(`✗ index.html or the manifest references ${f}, which is not in dist/web.`);
      return 1;
    }
    criticalGzip += s.gzip;
    criticalRaw += s.raw;
  }
  const largestRoute = routes.reduce((m, r) => (r.gzip > m.gzip ? r : m), { key: '', file: '', gzip: 0, extraGzip: 0 });
  const costliest = routes.reduce((m, r) => (r.extraGzip > m.extraGzip ? r : m), largestRoute);
  console.log(`\nLogin critical path (${critical.size} files): ${fmt(criticalGzip)} gzip (${fmt(criticalRaw)} raw); budget ${fmt(CRITICAL_PATH_BUDGET)}.`);
  console.log(`Largest lazy route chunk: ${largestRoute.file || '—'} ${fmt(largestRoute.gzip)} gzip; budget ${fmt(ROUTE_CHUNK_BUDGET)} each.`);
  console.log(`Costliest route to open after /login: ${costliest.key || '—'}, ${fmt(costliest.extraGzip)} gzip more (its chunk and the shared chunks it imports).`);

  const failures: string[] = [];
  if (criticalGzip > CRITICAL_PATH_BUDGET)
    failures.push(
      `The login page's critical path is ${fmt(criticalGzip)} gzip, over the ${fmt(CRITICAL_PATH_BUDGET)} budget. ` +
        'Move code out of the entry (lazy routes, lazy heavy libraries) or drop a dependency.',
    );
  for (const r of routes)
    if (r.gzip > ROUTE_CHUNK_BUDGET)
      failures.push(`Lazy route chunk ${r.file} (${r.key}) is ${fmt(r.gzip)} gzip, over the ${fmt(ROUTE_CHUNK_BUDGET)} budget: split it (lazy-load charts and other heavy parts).`);

  const budget = {
    generatedAt: new Date().toISOString(),
    budgets: { criticalPathGzip: CRITICAL_PATH_BUDGET, routeChunkGzip: ROUTE_CHUNK_BUDGET },
    criticalPath: { gzip: criticalGzip, raw: criticalRaw, files: [...critical].sort() },
    largestRouteChunk: largestRoute,
    routes,
    files: Object.fromEntries(rows),
    ok: failures.length === 0,
  };
  writeFileSync(join(dist, 'budget.json'), `${JSON.stringify(budget, null, 2)}\n`);

  // Precompress every text asset (the server picks .br or .gz by Accept-Encoding).
  let count = 0;
  for (const f of walk(dist)) {
    if (!TEXT_EXT.test(f) || /\.(gz|br)$/.test(f)) continue;
    const b = readFileSync(f);
    writeFileSync(`${f}.gz`, gzipSync(b, { level: 9 }));
    writeFileSync(
      `${f}.br`,
      brotliCompressSync(b, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: b.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
    );
    count++;
  }
  console.log(`Wrote .gz and .br for ${count} text files, and dist/web/budget.json.`);

  if (failures.length) {
    for (const f of failures) console.error(`✗ BUDGET EXCEEDED: ${f}`);
    return 1;
  }
  console.log('✓ Within budget.');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = compressAndBudget();
