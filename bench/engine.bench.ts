// Benchmark of the criteria engine: one commune (mean µs over many iterations) and a province-sized batch of
// 3,321 communes (median of 20 runs), each both as summaries (what commune_status needs) and with every
// per-indicator result built. Plain script: `npx tsx bench/engine.bench.ts`.
// The set is synthetic (~60 indicators in 19 criteria, region and region+year targets, border-only indicators,
// an attribute override) so the numbers do not depend on how many real targets are known yet.
import { compileSet, evaluateCommune, evaluateCommunes, type CommuneInput } from '../src/domain/criteria/engine.js';
import { rankByGap } from '../src/domain/criteria/ranking.js';
import { mulberry32 as prng } from '../src/seed/random.js';
import type { CriteriaSetDef, CriterionDef, IndicatorDef, IndicatorKind, IndicatorValue, TargetRuleDef } from '../src/domain/criteria/types.js';

const COMMUNES = 3321;
const SINGLE_ITERATIONS = 20_000;
const BATCH_RUNS = 20;
const REGIONS = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'] as const;
const CRITERION_SIZES = [2, 4, 2, 2, 2, 3, 1, 4, 2, 1, 1, 2, 5, 4, 4, 1, 12, 6, 2]; // 19 criteria, 60 indicators

const rand = prng(20240601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const KINDS: readonly IndicatorKind[] = ['percent_min', 'percent_min', 'percent_max', 'boolean', 'boolean', 'count_min', 'min', 'verdict'];
const VERDICTS = ['Không đạt', 'Đạt', 'Đạt mức cao'];

function targetValue(kind: IndicatorKind): number | boolean | string {
  switch (kind) {
    case 'boolean':
      return true;
    case 'verdict':
      return 'Đạt';
    case 'percent_max':
      return Math.round(rand() * 10 * 10) / 10;
    case 'count_min':
      return 1 + Math.floor(rand() * 3);
    case 'min':
      return 30 + Math.floor(rand() * 40);
    default:
      return 70 + Math.floor(rand() * 30);
  }
}

function buildIndicator(code: string, kind: IndicatorKind, n: number): IndicatorDef {
  const targets: TargetRuleDef[] = [{ match: {}, value: targetValue(kind), source: 'bench', verified: rand() < 0.3 }];
  if (kind !== 'boolean' && kind !== 'verdict') {
    for (const region of REGIONS) targets.push({ match: { region }, value: targetValue(kind), source: 'bench', verified: true });
    for (let year = 2022; year <= 2025; year++) {
      targets.push({ match: { region: 'TDMNPB', yearFrom: year, yearTo: year }, value: targetValue(kind), source: 'bench', verified: true });
    }
  }
  return {
    code,
    wording: `Chỉ tiêu ${code}`,
    kind,
    unit: kind.startsWith('percent') ? '%' : null,
    applicability: n % 15 === 7 ? { attr: 'border', eq: true } : null,
    targets,
    ...(kind === 'verdict' ? { scale: VERDICTS } : {}),
  };
}

function buildSet(): CriteriaSetDef {
  let n = 0;
  const criteria: CriterionDef[] = CRITERION_SIZES.map((size, ci) => ({
    number: String(ci + 1),
    code: `TC${ci + 1}`,
    name: `Tiêu chí ${ci + 1}`,
    group: null,
    guidedByAgencyKind: null,
    isKey: ci === 9 || ci === 16 || ci === 18,
    indicators: Array.from({ length: size }, (_, ii) => buildIndicator(`${ci + 1}.${ii + 1}`, pick(KINDS), n++)),
  }));
  return {
    code: 'BENCH',
    name: 'Bộ tiêu chí tổng hợp (benchmark)',
    level: 'ntm',
    legalBasis: 'bench',
    validFrom: '2022-01-01',
    validTo: null,
    version: 1,
    criteria,
    recognitionRules: [],
    attributeOverrides: [
      { id: 'dbkk', when: { attr: 'especiallyDifficult', eq: true }, set: { region: 'TDMNPB' }, text: 'xã ĐBKK áp dụng mức TDMNPB', source: 'bench', verified: true },
    ],
  };
}

function randomValue(ind: IndicatorDef): IndicatorValue | undefined {
  if (rand() < 0.03) return undefined;
  switch (ind.kind) {
    case 'boolean':
      return rand() < 0.85;
    case 'verdict':
      return pick(VERDICTS);
    case 'count_min':
    case 'count_max':
      return Math.floor(rand() * 5);
    case 'min':
    case 'max':
      return Math.round(rand() * 1000) / 10;
    default:
      return Math.round((50 + rand() * 50) * 10) / 10;
  }
}

function buildCommunes(set: CriteriaSetDef): CommuneInput[] {
  const indicators = set.criteria.flatMap((c) => c.indicators);
  return Array.from({ length: COMMUNES }, (_, i) => ({
    id: `X${String(i).padStart(5, '0')}`,
    attrs: { region: pick(REGIONS), border: rand() < 0.1, especiallyDifficult: rand() < 0.2 },
    values: Object.fromEntries(indicators.map((ind) => [ind.code, randomValue(ind)])),
  }));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const set = buildSet();
const communes = buildCommunes(set);
const indicatorCount = set.criteria.reduce((n, c) => n + c.indicators.length, 0);

let t0 = performance.now();
const compiled = compileSet(set);
const compileMs = performance.now() - t0;

let sink = 0;
// Warm up so the JIT has compiled the hot path before anything is timed.
for (let i = 0; i < 2000; i++) sink += evaluateCommune(compiled, communes[i % COMMUNES]!.attrs, 2024, communes[i % COMMUNES]!.values).criteriaMet;
for (let i = 0; i < 3; i++) sink += evaluateCommunes(compiled, 2024, communes).length;

const one = communes[0]!;
t0 = performance.now();
for (let i = 0; i < SINGLE_ITERATIONS; i++) sink += evaluateCommune(compiled, one.attrs, 2024, one.values).criteriaMet;
const singleMeanUs = ((performance.now() - t0) * 1000) / SINGLE_ITERATIONS;

// The same, also reading every criterion, indicator result and Vietnamese explanation (what a detail page shows).
const readAll = (e: ReturnType<typeof evaluateCommune>): number => {
  let len = 0;
  for (const c of e.criteria) {
    len += c.why.length;
    for (const r of c.indicators) len += r.why.length;
  }
  return len;
};
t0 = performance.now();
for (let i = 0; i < SINGLE_ITERATIONS; i++) sink += readAll(evaluateCommune(compiled, one.attrs, 2024, one.values));
const singleFullMeanUs = ((performance.now() - t0) * 1000) / SINGLE_ITERATIONS;

const batchMs: number[] = [];
let evaluations: ReturnType<typeof evaluateCommunes> = [];
for (let r = 0; r < BATCH_RUNS; r++) {
  t0 = performance.now();
  evaluations = evaluateCommunes(compiled, 2024, communes);
  batchMs.push(performance.now() - t0);
  sink += evaluations.length;
}

// Batch again, building every per-indicator result object (no explanations): the cost when all details are needed.
const batchDetailMs: number[] = [];
for (let r = 0; r < BATCH_RUNS; r++) {
  t0 = performance.now();
  const all = evaluateCommunes(compiled, 2024, communes);
  for (const e of all) sink += e.evaluation.criteria.length;
  batchDetailMs.push(performance.now() - t0);
}

const rankMs: number[] = [];
for (let r = 0; r < 5; r++) {
  t0 = performance.now();
  sink += rankByGap(evaluations).length;
  rankMs.push(performance.now() - t0);
}

const meets = evaluations.filter((e) => e.evaluation.meetsStandard).length;
const result = {
  bench: 'engine',
  node: process.version,
  criteria: set.criteria.length,
  indicators: indicatorCount,
  communes: COMMUNES,
  compileMs: +compileMs.toFixed(3),
  singleIterations: SINGLE_ITERATIONS,
  singleMeanUs: +singleMeanUs.toFixed(2),
  singleFullMeanUs: +singleFullMeanUs.toFixed(2),
  batchRuns: BATCH_RUNS,
  batchMedianMs: +median(batchMs).toFixed(2),
  batchMinMs: +Math.min(...batchMs).toFixed(2),
  batchMaxMs: +Math.max(...batchMs).toFixed(2),
  batchDetailMedianMs: +median(batchDetailMs).toFixed(2),
  rankByGapMedianMs: +median(rankMs).toFixed(2),
  communesMeetingStandard: meets,
  sink,
};

console.log('criteria engine benchmark');
console.table({
  'compile set': `${result.compileMs} ms`,
  [`evaluate 1 commune (${indicatorCount} indicators), mean of ${SINGLE_ITERATIONS}`]: `${result.singleMeanUs} µs`,
  [`  + read all results and explanations, mean of ${SINGLE_ITERATIONS}`]: `${result.singleFullMeanUs} µs`,
  [`evaluate ${COMMUNES} communes, median of ${BATCH_RUNS}`]: `${result.batchMedianMs} ms (min ${result.batchMinMs}, max ${result.batchMaxMs})`,
  [`  + build every indicator result, median of ${BATCH_RUNS}`]: `${result.batchDetailMedianMs} ms`,
  [`rankByGap over ${COMMUNES}, median of 5`]: `${result.rankByGapMedianMs} ms`,
});
console.log(JSON.stringify(result));
