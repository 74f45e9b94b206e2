/**
 * Standard reports: the catalog, the JSON view, the streamed .xlsx export and the narrative .docx. Every call
 * authorises the report's grant, checks that the chosen unit/commune is in the caller's scope (else NOT_FOUND) and
 * limits every query to that scope.
 */
import type { Writable } from 'node:stream';
import type {
  NarrativeQuery,
  ReportCatalog,
  ReportKey,
  ReportQuery,
  ReportResult,
  ReportSection,
} from '../../contracts/reports.js';
import { contentDisposition } from '../../domain/reports/filename.js';
import { extremes, narrativeBlocks, type NarrativeFigures } from '../../domain/reports/narrative.js';
import { authorize, can } from '../../platform/auth/policy.js';
import { allUnitsInScope, scopeUnitIds } from '../../platform/auth/scope.repo.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { invalid, notFound } from '../../platform/errors.js';
import * as communes from '../assessments/communes.service.js';
import { narrativeDocx } from './reports.docx.js';
import { reportAbilities } from './reports.policy.js';
import { col, row, section } from './reports.presenter.js';
import { registry, type Built, type ReportDef, type Resolved } from './reports.registry.js';
import { resourcesTotals, targetRows } from './reports.external.js';
import * as repo from './reports.repo.js';
import { DEMO_NOTE, writeReportWorkbook } from './reports.xlsx.js';

const NARRATIVE: Omit<ReportDef, 'build'> = {
  key: 'narrative',
  number: 10,
  title: 'Báo cáo kết quả thực hiện Chương trình xây dựng nông thôn mới',
  titleEn: 'Narrative report on the new rural development programme',
  description: 'Báo cáo bằng lời theo thể thức Nghị định 30/2020/NĐ-CP, điền sẵn số liệu và bảng biểu, tải về dạng Word để chỉnh sửa và ký.',
  descriptionEn: 'A narrative report in the layout of Decree 30/2020/NĐ-CP with the figures and tables filled in, as a Word file to edit and sign.',
  params: ['year', 'setId', 'unitId'],
  requires: [],
  action: 'report.narrative',
  formats: ['docx', 'xlsx'],
};

function defOf(key: ReportKey): ReportDef {
  if (key === 'narrative') return { ...NARRATIVE, build: narrativeBuild };
  const d = registry.find((r) => r.key === key);
  if (!d) throw notFound('Báo cáo');
  return d;
}

/** The catalog with what the caller may do with each report. */
export function catalog(ctx: RequestCtx): ReportCatalog {
  authorize(ctx.actor, 'report.read');
  const defs = [...registry, { ...NARRATIVE, build: narrativeBuild }].sort((a, b) => a.number - b.number);
  return {
    items: defs.map((d) => ({
      key: d.key,
      number: d.number,
      title: d.title,
      titleEn: d.titleEn,
      description: d.description,
      descriptionEn: d.descriptionEn,
      params: d.params,
      formats: d.formats,
      available: d.build !== null,
      unavailableReason: d.build ? null : (d.unavailableReason ?? null),
      abilities: reportAbilities(ctx.actor!, d),
    })),
  };
}

async function resolve(db: Db, ctx: RequestCtx, d: Pick<ReportDef, 'action' | 'requires' | 'params'>, q: ReportQuery): Promise<Resolved> {
  authorize(ctx.actor, d.action);
  const actor = ctx.actor;
  let unit: repo.UnitBrief | null = null;
  if (q.unitId) {
    unit = (await repo.findUnit(db, q.unitId)) ?? null;
    if (!unit || !(await allUnitsInScope(db, actor, [q.unitId]))) throw notFound('Đơn vị');
  }
  let commune: repo.UnitBrief | null = null;
  if (d.requires.includes('communeId')) {
    if (!q.communeId) throw invalid([{ path: 'communeId', message: 'Cần chọn xã' }]);
    commune = (await repo.findUnit(db, q.communeId)) ?? null;
    if (!commune || commune.level !== 'commune' || !(await allUnitsInScope(db, actor, [q.communeId]))) throw notFound('Xã');
  }
  const filter: repo.CommuneFilter = { scope: scopeUnitIds(actor), unitId: unit?.id ?? null };
  let set: repo.SetBrief | null = null;
  if (d.params.includes('setId')) {
    const setId = q.setId ?? (await repo.mainSetOfYear(db, filter, q.year));
    if (setId) {
      set = (await repo.findSet(db, setId)) ?? null;
      if (!set) throw notFound('Bộ tiêu chí');
    }
  }
  const fromYear = Math.min(q.fromYear ?? q.year - 4, q.year);
  if (q.year - fromYear > 15) throw invalid([{ path: 'fromYear', message: 'Tối đa 16 năm trong một báo cáo' }]);
  return { q, filter, unit, commune, set, fromYear };
}

function subtitleOf(d: Pick<ReportDef, 'params'>, r: Resolved): string[] {
  const out: string[] = [];
  if (r.commune) out.push(`Xã: ${r.commune.name}`);
  else out.push(`Đơn vị: ${r.unit?.name ?? 'toàn bộ phạm vi được giao'}`);
  out.push(d.params.includes('fromYear') && r.fromYear < r.q.year ? `Năm: ${r.fromYear}–${r.q.year}` : `Năm: ${r.q.year}`);
  if (r.set) out.push(`Bộ tiêu chí: ${r.set.name} (${r.set.code})`);
  if (d.params.includes('basis')) out.push(r.q.basis === 'appraised' ? 'Căn cứ: kết quả đã thẩm định' : 'Căn cứ: kết quả tổng hợp mới nhất (gồm cả xã tự đánh giá)');
  return out;
}

async function build(db: Db, ctx: RequestCtx, d: ReportDef, r: Resolved): Promise<Built> {
  if (!d.build) throw invalid([{ path: 'key', message: d.unavailableReason ?? 'Báo cáo chưa sẵn sàng' }], d.unavailableReason ?? 'Báo cáo chưa sẵn sàng');
  if (d.requires.includes('setId') && !r.set) return { sections: [], notes: [`Chưa có kết quả đánh giá năm ${r.q.year} trong phạm vi đã chọn.`] };
  return d.build(db, ctx, r);
}

const hasDemoRows = (b: Built) => Boolean(b.hasDemo) || b.sections.some((s) => s.rows.some((x) => x.demo));

/** The report as JSON for the screen (long listings are cut; the workbook has every row). */
export async function view(db: Db, ctx: RequestCtx, key: ReportKey, q: ReportQuery): Promise<ReportResult> {
  const d = defOf(key);
  const r = await resolve(db, ctx, d, q);
  const b = await build(db, ctx, d, r);
  const hasDemo = hasDemoRows(b);
  const abilities = reportAbilities(ctx.actor!, d);
  return {
    key: d.key,
    title: d.title,
    titleEn: d.titleEn,
    scope: {
      year: r.q.year,
      fromYear: d.params.includes('fromYear') ? r.fromYear : null,
      unit: r.unit ? { id: r.unit.id, name: r.unit.name } : null,
      commune: r.commune ? { id: r.commune.id, name: r.commune.name } : null,
      set: r.set ? { id: r.set.id, code: r.set.code, name: r.set.name, criteriaCount: r.set.criteria_count } : null,
      basis: r.q.basis,
    },
    subtitle: subtitleOf(d, r),
    sections: b.sections.map(({ stream: _s, ...s }) => s),
    notes: hasDemo ? [DEMO_NOTE, ...b.notes] : b.notes,
    hasDemo,
    generatedAt: new Date().toISOString(),
    abilities: { canExportXlsx: abilities.canExport && d.formats.includes('xlsx'), canExportDocx: abilities.canExport && d.formats.includes('docx') },
  };
}

/** "Bao-cao-1_..._2024.xlsx": the report's number, a short title and the year. */
function fileNameOf(d: Pick<ReportDef, 'number' | 'title'>, r: Resolved, ext: string): string {
  const where = r.commune?.name ?? r.unit?.name;
  return `Báo cáo ${d.number} - ${d.title}${where ? ` - ${where}` : ''} - ${r.q.year}.${ext}`.replace(/\s+/g, ' ');
}

export interface Download {
  fileName: string;
  contentDisposition: string;
  contentType: string;
  /** Writes the file to `out` and ends it. */
  write(out: Writable): Promise<void>;
}
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Prepare a report's workbook: authorisation, scope and the data of bounded sections happen here (so errors are
 * still answered as JSON); long sections are read from the database batch by batch while the workbook streams out.
 */
export async function prepareXlsx(db: Db, ctx: RequestCtx, key: ReportKey, q: ReportQuery): Promise<Download> {
  const d = defOf(key);
  const r = await resolve(db, ctx, d, q);
  const b = await build(db, ctx, d, r);
  const fileName = fileNameOf(d, r, 'xlsx');
  return {
    fileName,
    contentDisposition: contentDisposition(fileName),
    contentType: XLSX_TYPE,
    write: (out) =>
      writeReportWorkbook(
        out,
        { title: d.title, subtitle: subtitleOf(d, r), notes: b.notes, hasDemo: hasDemoRows(b), generatedAt: new Date() },
        b.sections.map((s) => ({ title: s.title, columns: s.columns, rows: s.stream ? s.stream() : s.rows })),
      ),
  };
}

/**
 * The communes × indicators workbook of a year (report "indicator-values") written to `out`, for the benchmark
 * harness and scripts: the same authorisation and scope as the HTTP export; rows stream from the database in
 * keyset batches of VALUES_BATCH, so memory stays flat for a national export.
 */
export async function exportIndicatorValuesXlsx(db: Db, ctx: RequestCtx, q: Pick<ReportQuery, 'year'> & Partial<ReportQuery>, out: Writable): Promise<{ fileName: string }> {
  const job = await prepareXlsx(db, ctx, 'indicator-values', { basis: 'all', ...q });
  await job.write(out);
  return { fileName: job.fileName };
}

// ─────────────── narrative ───────────────

interface NarrativeData {
  figures: NarrativeFigures;
  bands: ReportSection | null;
  criteria: ReportSection | null;
  keyFigures: ReportSection;
}

async function narrativeData(db: Db, ctx: RequestCtx, r: Resolved): Promise<NarrativeData> {
  const area = r.unit?.name ?? (await repo.provinceFor(db, null, ctx.actor!.id, `${r.q.year}-12-31`))?.name ?? 'toàn bộ phạm vi';
  const bandsDef = defOf('bands');
  const critDef = defOf('criteria-achievement');
  const [bandsBuilt, critBuilt, rec, acts, obstacles, targets, resources] = await Promise.all([
    r.set ? bandsDef.build!(db, ctx, { ...r, fromYear: r.q.year - 1 }) : null,
    r.set ? critDef.build!(db, ctx, r) : null,
    repo.recognitionCounts(db, r.filter, r.q.year),
    repo.activitiesByAgency(db, r.filter, `${r.q.year}-01-01`, `${r.q.year}-12-31`),
    repo.obstacleCounts(db, r.filter, `${r.q.year}-01-01`, `${r.q.year}-12-31`, todayVN()),
    targetRows(db, ctx, { ...r, q: { ...r.q, listId: undefined } }),
    resourcesTotals(db, ctx, r),
  ]);
  // targetProgress knows no unit filter: keep the communes of the chosen unit (the report's own scope query).
  const inUnit = r.unit ? await repo.unitsWithin(db, targets.map((x) => x.unit.id), r.unit.id) : null;
  const myTargets = inUnit ? targets.filter((x) => inUnit.has(x.unit.id)) : targets;
  const money = resources.source.total;
  let atRisk: number | null = null;
  if (can(ctx.actor, 'maintenance.read')) {
    const m = await communes.maintenance(db, ctx, { year: r.q.year, withinUnitId: r.q.unitId, limit: 100_000, offset: 0 });
    atRisk = m.items.filter((i) => i.risk === 'revocation' || i.risk === 'possible_revocation' || i.risk === 'criteria_lost').length;
  }
  const bandSection = bandsBuilt?.sections[0] ?? null;
  const yearRow = bandSection?.rows.find((x) => x.kind === 'total' && x.cells[0] === r.q.year);
  const prevRow = bandSection?.rows.find((x) => x.kind === 'total' && x.cells[0] === r.q.year - 1);
  const bandCols = bandSection?.columns.flatMap((c, i) => (c.key.startsWith('band_') ? [{ label: c.label.replace(/^Đạt /, ''), i }] : [])) ?? [];
  const critSection = critBuilt?.sections[0] ?? null;
  const critTotals = (critSection?.rows ?? []).filter((x) => x.kind === 'total').map((x) => ({ number: String(x.cells[1]), name: String(x.cells[2]), rate: x.cells[6] as number | null }));
  const ex = extremes(critTotals, 3);
  const sum = <K extends keyof repo.AgencyActivityRow>(k: K) => acts.reduce((s, x) => s + Number(x[k] ?? 0), 0);
  const obs = obstacles.reduce(
    (o, x) => ({
      total: o.total + x.n,
      resolved: o.resolved + (x.status === 'resolved' || x.status === 'closed' ? x.n : 0),
      open: o.open + (x.status === 'resolved' || x.status === 'closed' ? 0 : x.n),
      overdue: o.overdue + x.overdue,
    }),
    { total: 0, resolved: 0, open: 0, overdue: 0 },
  );
  const hasDemo =
    rec.demo || acts.some((x) => x.demo) || obstacles.some((x) => x.demo) || [bandSection, critSection].some((s) => s?.rows.some((x) => x.demo) ?? false);
  const figures: NarrativeFigures = {
    year: r.q.year,
    areaName: area,
    setName: r.set?.name ?? null,
    setCode: r.set?.code ?? null,
    criteriaCount: r.set?.criteria_count ?? null,
    communes: Number(yearRow?.cells[2] ?? 0),
    average: (yearRow?.cells[3] as number | null | undefined) ?? null,
    previousAverage: (prevRow?.cells[3] as number | null | undefined) ?? null,
    meetsStandard: Number(yearRow?.cells[4] ?? 0),
    bands: bandCols.map((b) => ({ label: b.label, count: Number(yearRow?.cells[b.i] ?? 0) })),
    recognisedInForce: rec.in_force,
    recognisedInYear: rec.in_year,
    revokedInYear: rec.revoked_in_year,
    atRisk,
    criteriaHigh: ex.high,
    criteriaLow: ex.low,
    activities: {
      agencies: acts.filter((x) => x.activities > 0 || x.communes > 0).length,
      activities: sum('activities'),
      visits: sum('visits'),
      supportVnd: sum('support_vnd'),
      followUps: sum('follow_ups'),
      followUpsDone: sum('follow_ups_done'),
    },
    obstacles: obs,
    resources: money.entries ? { planned: money.plannedVnd, allocated: money.allocatedVnd, disbursed: money.disbursedVnd, rate: money.disbursementRate } : null,
    targets: myTargets.length ? { communes: myTargets.length, met: myTargets.filter((x) => x.met).length, atRisk: myTargets.filter((x) => x.atRisk).length } : null,
    hasDemo,
  };
  const kf = [
    ['Xã đang được công nhận đạt chuẩn NTM (đến hết năm)', figures.recognisedInForce],
    ['Xã được công nhận trong năm', figures.recognisedInYear],
    ['Xã có kết quả đánh giá', figures.communes],
    ['Bình quân tiêu chí/xã', figures.average],
    ['Cơ quan giúp đỡ có hoạt động hoặc được phân công', figures.activities.agencies],
    ['Hoạt động giúp đỡ / lượt xuống cơ sở', `${figures.activities.activities} / ${figures.activities.visits}`],
    ['Giá trị hỗ trợ (đồng)', figures.activities.supportVnd],
    ['Vướng mắc nêu trong năm / đang xử lý / quá hạn', `${obs.total} / ${obs.open} / ${obs.overdue}`],
    ['Xã đăng ký đạt chuẩn trong năm / đã đạt / có nguy cơ', figures.targets ? `${figures.targets.communes} / ${figures.targets.met} / ${figures.targets.atRisk}` : null],
    ['Vốn đã phân bổ / đã giải ngân (đồng)', figures.resources ? `${new Intl.NumberFormat('vi-VN').format(figures.resources.allocated)} / ${new Intl.NumberFormat('vi-VN').format(figures.resources.disbursed)}` : null],
  ] as const;
  const keyFigures = section(
    'figures',
    'Số liệu chính',
    'Key figures',
    [col('item', 'Nội dung', 'Item', 'text', 48), col('value', 'Số liệu', 'Figure', 'text', 20)],
    kf.map(([k, v]) => row([k, v === null ? null : typeof v === 'number' ? new Intl.NumberFormat('vi-VN').format(v) : v], false)),
  );
  const bandsOfYear: ReportSection | null = bandSection
    ? { ...bandSection, rows: bandSection.rows.filter((x) => x.cells[0] === r.q.year), totalRows: bandSection.rows.filter((x) => x.cells[0] === r.q.year).length }
    : null;
  const critOverall: ReportSection | null = critSection
    ? {
        ...critSection,
        columns: critSection.columns.slice(1),
        rows: critSection.rows.filter((x) => x.kind === 'total').map((x) => ({ ...x, kind: 'data' as const, cells: x.cells.slice(1) })),
        totalRows: critTotals.length,
      }
    : null;
  return { figures, bands: bandsOfYear, criteria: critOverall, keyFigures };
}

async function narrativeBuild(db: Db, ctx: RequestCtx, r: Resolved): Promise<Built> {
  const n = await narrativeData(db, ctx, r);
  return {
    sections: [n.keyFigures, ...(n.bands ? [{ ...n.bands, title: 'Bảng 1. Phân nhóm xã theo số tiêu chí đạt' }] : []), ...(n.criteria ? [{ ...n.criteria, title: 'Bảng 2. Tỷ lệ xã đạt từng tiêu chí' }] : [])],
    notes: narrativeBlocks(n.figures)
      .filter((x) => x.kind === 'placeholder')
      .map((x) => x.text),
    hasDemo: n.figures.hasDemo,
  };
}

const SYMBOL: Record<string, string> = {
  coordination_office: 'BC-VPĐP',
  steering_committee: 'BC-BCĐ',
  peoples_committee: 'BC-UBND',
  department: 'BC-S',
};

const SIGNER: Record<string, { authority: string; title: string; name: string }> = {
  coordination_office: { authority: '', title: 'Chánh Văn phòng', name: '[Họ và tên]' },
  steering_committee: { authority: 'TM. Ban Chỉ đạo', title: 'Trưởng ban', name: '[Họ và tên]' },
  peoples_committee: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: '[Họ và tên]' },
  department: { authority: '', title: 'Giám đốc', name: '[Họ và tên]' },
};

/** The narrative report as a Word file in the layout of Decree 30/2020/NĐ-CP. */
export async function narrativeFile(db: Db, ctx: RequestCtx, q: NarrativeQuery): Promise<Download & { bytes: Buffer }> {
  const d = defOf('narrative');
  const r = await resolve(db, ctx, d, { ...q, basis: 'all' });
  const n = await narrativeData(db, ctx, r);
  const actor = ctx.actor as Actor;
  const agency = actor.agencyId ? await repo.findAgency(db, actor.agencyId) : undefined;
  const province = (await repo.provinceFor(db, r.unit?.id ?? null, actor.id, todayVN()))?.name ?? 'Tỉnh Lào Cai';
  const place = province.replace(/^(Tỉnh|Thành phố)\s+/i, '');
  const bytes = await narrativeDocx({
    parentBody: `UBND ${province}`,
    issuingBody: agency?.name ?? 'Văn phòng Điều phối nông thôn mới',
    symbol: (agency && SYMBOL[agency.kind]) ?? 'BC-VPĐP',
    place,
    year: r.q.year,
    issueYear: Number(todayVN().slice(0, 4)),
    summary: `Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm ${r.q.year}${r.unit ? ` — ${r.unit.name}` : ''}`,
    blocks: narrativeBlocks(n.figures),
    tables: [
      ...(n.bands ? [{ caption: 'Bảng 1. Phân nhóm xã theo số tiêu chí đạt', section: n.bands }] : []),
      ...(n.criteria ? [{ caption: 'Bảng 2. Tỷ lệ xã đạt từng tiêu chí', section: n.criteria }] : []),
    ],
    recipients: ['Ban Chỉ đạo các Chương trình MTQG tỉnh', 'Văn phòng Điều phối nông thôn mới Trung ương', 'UBND tỉnh', 'Các sở, ban, ngành thành viên', 'Lưu: VT'],
    signer: SIGNER[agency?.kind ?? 'coordination_office'] ?? { authority: '', title: 'Thủ trưởng cơ quan', name: '[Họ và tên]' },
  });
  const fileName = `Báo cáo kết quả xây dựng nông thôn mới năm ${r.q.year}${r.unit ? ` - ${r.unit.name}` : ''}.docx`;
  return {
    fileName,
    contentDisposition: contentDisposition(fileName),
    contentType: DOCX_TYPE,
    bytes,
    write: async (out) => {
      out.end(bytes);
    },
  };
}
