/**
 * The report registry: each standard report's key, titles, parameters, the grant it needs and its data function,
 * which answers sections of typed columns and rows — the same layout for the screen, the print-out and the .xlsx.
 */
import type { ParamName, ReportKey, ReportQuery, ReportRow, ReportSection } from '../../contracts/reports.js';
import { bandsFor, rate, summariseBands } from '../../domain/reports/bands.js';
import type { Action } from '../../platform/auth/policy.js';
import type { RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import * as communes from '../assessments/communes.service.js';
import {
  assessmentStatusWord,
  col,
  levelWord,
  obstacleCategoryWord,
  obstacleLevelWord,
  obstacleStatusWord,
  obstacleStatusWordEn,
  riskWord,
  row,
  section,
  statusWord,
  valueCell,
} from './reports.presenter.js';
import { resourcesReport, targetProgressReport } from './reports.external.js';
import * as repo from './reports.repo.js';

/** The parameters once resolved: scope filter, the unit and set in words. */
export interface Resolved {
  q: ReportQuery;
  filter: repo.CommuneFilter;
  unit: repo.UnitBrief | null;
  commune: repo.UnitBrief | null;
  set: repo.SetBrief | null;
  fromYear: number;
}

/** A section as built: rows for the view, and for long listings a stream of row batches for the workbook. */
export interface BuiltSection extends ReportSection {
  stream?: () => AsyncIterable<ReportRow[]>;
}
export interface Built {
  sections: BuiltSection[];
  notes: string[];
  /** Demonstration data somewhere in the report (streamed sections included). */
  hasDemo?: boolean;
}

export interface ReportDef {
  key: ReportKey;
  number: number;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  params: ParamName[];
  /** Which parameters must be given (year always is). */
  requires: Array<'setId' | 'communeId' | 'listId'>;
  action: Action;
  formats: Array<'xlsx' | 'docx'>;
  /** The data function; null while the data it needs is not built. */
  build: ((db: Db, ctx: RequestCtx, r: Resolved) => Promise<Built>) | null;
  unavailableReason?: string;
}

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** Group rows only when the communes belong to more than one parent unit (districts before 2025). */
function groupsOf<T extends { group_id: string | null; group_name: string | null }>(rows: readonly T[]): Array<{ id: string | null; name: string }> {
  const seen = new Map<string | null, string>();
  for (const r of rows) if (!seen.has(r.group_id)) seen.set(r.group_id, r.group_name ?? '(không rõ đơn vị)');
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

// ─────────────── (1) criteria achievement by criterion and unit ───────────────
async function criteriaAchievement(db: Db, _ctx: RequestCtx, r: Resolved): Promise<Built> {
  const set = r.set!;
  const [defs, rows] = await Promise.all([repo.criteriaOfSet(db, set.id), repo.criteriaAchievement(db, r.filter, r.q.year, set.id, r.q.basis)]);
  const columns = [
    col('unit', 'Đơn vị', 'Unit', 'text', 28),
    col('number', 'Tiêu chí số', 'Criterion no.', 'text', 10),
    col('name', 'Tên tiêu chí', 'Criterion', 'text', 40),
    col('assessed', 'Số xã đánh giá', 'Communes assessed', 'integer'),
    col('met', 'Số xã đạt', 'Communes meeting it', 'integer'),
    col('na', 'Không áp dụng', 'Not applicable', 'integer'),
    col('rate', 'Tỷ lệ đạt (%)', 'Achievement rate (%)', 'percent'),
  ];
  const block = (label: string, of: typeof rows, kind: ReportRow['kind']): ReportRow[] =>
    defs.map((d) => {
      const xs = of.filter((x) => x.number === d.number);
      const assessed = xs.reduce((s, x) => s + x.assessed, 0);
      const met = xs.reduce((s, x) => s + x.met, 0);
      const na = xs.reduce((s, x) => s + x.not_applicable, 0);
      return row([label, d.number, d.name, assessed, met, na, rate(met, assessed - na)], xs.some((x) => x.demo), kind);
    });
  const unitLabel = r.unit?.name ?? 'Toàn bộ phạm vi';
  const out: ReportRow[] = [row([`${unitLabel} (tổng hợp)`, null, null, null, null, null, null], false, 'group'), ...block(unitLabel, rows, 'total')];
  const groups = groupsOf(rows);
  if (groups.length > 1) {
    for (const g of groups) {
      out.push(row([g.name, null, null, null, null, null, null], false, 'group'));
      out.push(...block(g.name, rows.filter((x) => x.group_id === g.id), 'data'));
    }
  }
  const communesAssessed = Math.max(0, ...block('', rows, 'data').map((x) => Number(x.cells[3] ?? 0)));
  return {
    sections: [section('criteria', 'Kết quả đạt từng tiêu chí', 'Achievement of each criterion', columns, out)],
    notes: [
      `Số xã có kết quả đánh giá: ${communesAssessed}. Tỷ lệ đạt = số xã đạt / (số xã đánh giá − số xã không áp dụng).`,
      r.q.basis === 'appraised' ? 'Chỉ tính kết quả đã thẩm định.' : 'Tính cả kết quả xã tự đánh giá chưa thẩm định xong (theo bảng tổng hợp tại thời điểm lập).',
    ],
  };
}

// ─────────────── (2) bands and averages by unit and year ───────────────
async function bandsReport(db: Db, _ctx: RequestCtx, r: Resolved): Promise<Built> {
  const set = r.set!;
  const bands = bandsFor(set.criteria_count);
  const hist = await repo.bandHistogram(db, r.filter, r.fromYear, r.q.year, set.id, r.q.basis);
  const columns = [
    col('year', 'Năm', 'Year', 'year', 8),
    col('unit', 'Đơn vị', 'Unit', 'text', 28),
    col('communes', 'Số xã', 'Communes', 'integer', 9),
    col('average', 'Bình quân tiêu chí/xã', 'Average criteria met', 'decimal', 14),
    col('standard', 'Số xã đạt chuẩn', 'Communes meeting the standard', 'integer', 12),
    ...bands.map((b) => col(`band_${b.key}`, `Đạt ${b.label}`, `${b.labelEn} met`, 'integer', 12)),
    col('share_all', `Tỷ lệ đạt ${bands[0]!.label} (%)`, `Share meeting ${bands[0]!.labelEn} (%)`, 'percent', 14),
  ];
  const out: ReportRow[] = [];
  const line = (year: number, label: string, xs: typeof hist, kind: ReportRow['kind']) => {
    const s = summariseBands(bands, xs.map((x) => ({ met: x.criteria_met, communes: x.communes })));
    const standard = xs.reduce((a, x) => a + x.meets_standard, 0);
    const all = s.counts[0]?.count ?? 0;
    return row([year, label, s.communes, s.average, standard, ...s.counts.map((c) => c.count), rate(all, s.communes)], xs.some((x) => x.demo), kind);
  };
  const unitLabel = r.unit?.name ?? 'Toàn bộ phạm vi';
  for (let y = r.fromYear; y <= r.q.year; y++) {
    const ofYear = hist.filter((h) => h.year === y);
    if (!ofYear.length) continue;
    out.push(line(y, unitLabel, ofYear, 'total'));
    const groups = groupsOf(ofYear);
    if (groups.length > 1) for (const g of groups) out.push(line(y, g.name, ofYear.filter((h) => h.group_id === g.id), 'data'));
  }
  const notes = [
    `Các nhóm theo số tiêu chí đạt của bộ ${set.code} (${set.criteria_count} tiêu chí): ${bands.map((b) => b.label).join('; ')}.`,
    'Chỉ gồm các năm có kết quả theo bộ tiêu chí này; xã được tính theo đơn vị hành chính của từng năm.',
  ];
  if (set.criteria_count !== 19) notes.push('Với bộ không phải 19 tiêu chí, các nhóm được quy đổi theo cùng tỷ lệ của nhóm 19 / 15–18 / 10–14 / 5–9 / dưới 5 (quy ước của hệ thống, không phải quy định).');
  return { sections: [section('bands', 'Phân nhóm số tiêu chí đạt và bình quân', 'Bands and averages', columns, out)], notes };
}

// ─────────────── (3) commune profile ───────────────
async function communeProfile(db: Db, ctx: RequestCtx, r: Resolved): Promise<Built> {
  const p = await communes.profile(db, ctx, r.commune!.id, r.q.year);
  const demo = p.assessment?.isDemo ?? false;
  const criteria = p.criteria.flatMap((c) => [
    row([`${c.number}. ${c.name}`, null, null, null, null, statusWord[c.status] ?? c.status, null], demo, 'group'),
    ...c.indicators.map((i) =>
      row(
        [c.number, i.code, i.wording, valueCell(i.value), valueCell(i.target), statusWord[i.finalStatus] ?? i.finalStatus, i.gap?.absolute ?? null],
        demo,
        'data',
      ),
    ),
  ]);
  const history = p.history.map((h) =>
    row([h.year, h.unit.name, h.setCode, h.criteriaMet, h.criteriaApplicable, h.meetsStandard ? 'Đạt chuẩn' : 'Chưa đạt chuẩn', h.basis === 'appraised' ? 'Đã thẩm định' : 'Tự đánh giá'], false),
  );
  const recognitions = p.recognitions.map((x) =>
    row([x.kind === 'recognition' ? 'Công nhận' : 'Thu hồi', levelWord[x.level] ?? x.level, x.year, x.decisionNo, x.decisionDate, x.unit.name, x.sourceNote], x.isDemo),
  );
  const summary = [
    row(['Xã', p.unit.name], false),
    row(['Đơn vị cấp trên', p.unit.parentName], false),
    row(['Mức đã được công nhận', p.level ? levelWord[p.level] ?? p.level : 'Chưa được công nhận'], false),
    row(['Số tiêu chí đạt năm ' + p.year, p.status ? `${p.status.criteriaMet}/${p.status.criteriaApplicable}` : 'Chưa có kết quả'], demo),
    row(['Tiêu chí chưa đạt', p.status?.missing.join(', ') || '—'], demo),
    row(['Hồ sơ đánh giá', p.assessment ? assessmentStatusWord[p.assessment.status] ?? p.assessment.status : 'Chưa có'], demo),
    row(['Cơ quan đang giúp đỡ / hoạt động / vướng mắc đang mở', `${p.assistance.helpers} / ${p.assistance.activities} / ${p.assistance.openObstacles}`], false),
  ];
  return {
    sections: [
      section('summary', 'Tóm tắt', 'Summary', [col('item', 'Nội dung', 'Item', 'text', 36), col('value', 'Giá trị', 'Value', 'text', 40)], summary),
      section(
        'criteria',
        'Tiêu chí, chỉ tiêu và kết quả',
        'Criteria, indicators and results',
        [
          col('criterion', 'Tiêu chí', 'Criterion', 'text', 10),
          col('code', 'Chỉ tiêu', 'Indicator', 'text', 9),
          col('wording', 'Nội dung chỉ tiêu', 'Indicator wording', 'text', 48),
          col('value', 'Giá trị', 'Value', 'text', 12),
          col('target', 'Mức chỉ tiêu', 'Target', 'text', 12),
          col('status', 'Kết quả', 'Result', 'text', 14),
          col('gap', 'Còn thiếu', 'Gap', 'decimal', 10),
        ],
        criteria,
      ),
      section(
        'history',
        'Kết quả các năm (kể cả xã cũ trước sáp nhập)',
        'Results by year (including predecessors)',
        [
          col('year', 'Năm', 'Year', 'year', 8),
          col('unit', 'Xã', 'Commune', 'text', 24),
          col('set', 'Bộ tiêu chí', 'Criteria set', 'text', 22),
          col('met', 'Số tiêu chí đạt', 'Criteria met', 'integer'),
          col('applicable', 'Số tiêu chí áp dụng', 'Applicable', 'integer'),
          col('standard', 'Đạt chuẩn', 'Standard', 'text', 16),
          col('basis', 'Căn cứ', 'Basis', 'text', 14),
        ],
        history,
      ),
      section(
        'recognitions',
        'Quyết định công nhận, thu hồi',
        'Recognition and revocation decisions',
        [
          col('kind', 'Loại', 'Kind', 'text', 12),
          col('level', 'Mức', 'Level', 'text', 24),
          col('year', 'Năm', 'Year', 'year', 8),
          col('decision', 'Số quyết định', 'Decision no.', 'text', 18),
          col('date', 'Ngày quyết định', 'Decision date', 'date'),
          col('unit', 'Xã', 'Commune', 'text', 22),
          col('source', 'Nguồn', 'Source', 'text', 36),
        ],
        recognitions,
      ),
    ],
    notes: ['Khoảng cách “còn thiếu” là phần chênh lệch giữa giá trị của xã và mức chỉ tiêu của chỉ tiêu chưa đạt.'],
  };
}

// ─────────────── (4) maintenance review ───────────────
async function maintenanceReport(db: Db, ctx: RequestCtx, r: Resolved): Promise<Built> {
  const m = await communes.maintenance(db, ctx, { year: r.q.year, withinUnitId: r.q.unitId, limit: 100_000, offset: 0 });
  const rows = m.items.map((i) =>
    row(
      [
        i.unit.name,
        levelWord[i.recognition.level] ?? i.recognition.level,
        i.recognition.year,
        i.recognition.decisionNo,
        i.assessment?.year ?? null,
        i.criteriaMet,
        i.criteriaApplicable,
        i.criteriaLost.join(', ') || null,
        i.trend?.delta ?? null,
        riskWord[i.risk] ?? i.risk,
      ],
      false,
      'data',
      i.profileUrl,
    ),
  );
  const byRisk = Object.entries(riskWord)
    .map(([k, w]) => `${w}: ${m.items.filter((i) => i.risk === k).length}`)
    .join('; ');
  return {
    sections: [
      section(
        'maintenance',
        'Rà soát duy trì xã đã được công nhận',
        'Maintenance review of recognised communes',
        [
          col('unit', 'Xã', 'Commune', 'text', 24),
          col('level', 'Mức công nhận', 'Level', 'text', 22),
          col('recYear', 'Năm công nhận', 'Recognised in', 'year', 10),
          col('decision', 'Số quyết định', 'Decision no.', 'text', 16),
          col('assessed', 'Năm đánh giá', 'Assessed in', 'year', 10),
          col('met', 'Số tiêu chí đạt', 'Criteria met', 'integer'),
          col('applicable', 'Số tiêu chí áp dụng', 'Applicable', 'integer'),
          col('lost', 'Tiêu chí không còn đạt', 'Criteria lost', 'text', 22),
          col('delta', 'Tăng/giảm so với năm trước', 'Change on last year', 'integer', 12),
          col('risk', 'Đánh giá', 'Risk', 'text', 20),
        ],
        rows,
      ),
    ],
    notes: [`Số xã: ${m.total}. ${byRisk}.`, 'Sắp xếp theo mức rủi ro (thu hồi → có thể thu hồi → rớt tiêu chí → chưa có đánh giá → duy trì).'],
  };
}

// ─────────────── (6) help activities by agency ───────────────
async function activitiesReport(db: Db, _ctx: RequestCtx, r: Resolved): Promise<Built> {
  const { from, to } = yearRange(r.q.year);
  const xs = await repo.activitiesByAgency(db, r.filter, from, to);
  const rows = xs.map((x) =>
    row([x.agency_name, x.communes, x.activities, x.visits, x.follow_ups, x.follow_ups_done, rate(x.follow_ups_done, x.follow_ups), x.support_vnd, x.last_date], x.demo),
  );
  const sum = (k: keyof repo.AgencyActivityRow) => xs.reduce((s, x) => s + Number(x[k] ?? 0), 0);
  rows.push(
    row(
      ['Tổng cộng', sum('communes'), sum('activities'), sum('visits'), sum('follow_ups'), sum('follow_ups_done'), rate(sum('follow_ups_done'), sum('follow_ups')), sum('support_vnd'), null],
      xs.some((x) => x.demo),
      'total',
    ),
  );
  return {
    sections: [
      section(
        'agencies',
        'Hoạt động giúp đỡ xã theo cơ quan',
        'Help activities by agency',
        [
          col('agency', 'Cơ quan, đơn vị', 'Agency', 'text', 36),
          col('communes', 'Số xã được phân công', 'Communes assigned', 'integer'),
          col('activities', 'Số hoạt động', 'Activities', 'integer'),
          col('visits', 'Lượt xuống cơ sở', 'Visits', 'integer'),
          col('followUps', 'Việc cần làm tiếp', 'Follow-ups', 'integer'),
          col('done', 'Đã hoàn thành', 'Done', 'integer'),
          col('doneRate', 'Tỷ lệ hoàn thành (%)', 'Done (%)', 'percent'),
          col('support', 'Giá trị hỗ trợ (đồng)', 'Support (VND)', 'vnd'),
          col('last', 'Hoạt động gần nhất', 'Latest activity', 'date'),
        ],
        rows,
      ),
    ],
    notes: [
      `Kỳ báo cáo: 01/01/${r.q.year} – 31/12/${r.q.year}. “Tổng cộng” số xã là tổng theo từng cơ quan (một xã có thể được nhiều cơ quan giúp đỡ).`,
      'Lượt xuống cơ sở gồm khảo sát thực địa, hướng dẫn và kiểm tra.',
    ],
  };
}

// ─────────────── (7) obstacles by level and status ───────────────
const LEVELS = ['commune', 'agency', 'department', 'steering_committee'] as const;
const STATUSES = ['new', 'accepted', 'in_progress', 'resolved', 'closed'] as const;
async function obstaclesReport(db: Db, _ctx: RequestCtx, r: Resolved): Promise<Built> {
  const { from, to } = yearRange(r.q.year);
  const today = todayVN();
  const [counts, open] = await Promise.all([repo.obstacleCounts(db, r.filter, from, to, today), repo.openObstacles(db, r.filter, from, to, today)]);
  const line = (label: string, xs: typeof counts, kind: ReportRow['kind']) => {
    const per = STATUSES.map((s) => xs.filter((x) => x.status === s).reduce((a, x) => a + x.n, 0));
    const total = per.reduce((a, n) => a + n, 0);
    const done = per[3]! + per[4]!;
    return row([label, ...per, total, xs.reduce((a, x) => a + x.overdue, 0), rate(done, total)], xs.some((x) => x.demo), kind);
  };
  const rows = [...LEVELS.map((l) => line(obstacleLevelWord[l]!, counts.filter((c) => c.level === l), 'data')), line('Tổng cộng', counts, 'total')];
  const openRows = open.map((o) =>
    row(
      [o.unit_name, o.title, obstacleCategoryWord[o.category] ?? o.category, obstacleLevelWord[o.level] ?? o.level, obstacleStatusWord[o.status] ?? o.status, o.assignee_name, o.raised_on, o.due_date, o.age_days],
      o.demo,
      'data',
      `/obstacles/${o.id}`,
    ),
  );
  return {
    sections: [
      section(
        'levels',
        'Khó khăn, vướng mắc theo cấp xử lý và trạng thái',
        'Obstacles by level and status',
        [
          col('level', 'Cấp xử lý', 'Level', 'text', 22),
          ...STATUSES.map((s) => col(s, obstacleStatusWord[s]!, obstacleStatusWordEn[s]!, 'integer')),
          col('total', 'Tổng số', 'Total', 'integer', 10),
          col('overdue', 'Quá hạn', 'Overdue', 'integer', 10),
          col('doneRate', 'Tỷ lệ đã giải quyết, đóng (%)', 'Resolved or closed (%)', 'percent', 14),
        ],
        rows,
      ),
      section(
        'open',
        'Vướng mắc chưa giải quyết',
        'Open obstacles',
        [
          col('unit', 'Xã', 'Commune', 'text', 20),
          col('title', 'Nội dung', 'Title', 'text', 40),
          col('category', 'Lĩnh vực', 'Category', 'text', 12),
          col('level', 'Cấp xử lý', 'Level', 'text', 16),
          col('status', 'Trạng thái', 'Status', 'text', 14),
          col('assignee', 'Cơ quan xử lý', 'Assignee', 'text', 28),
          col('raised', 'Ngày nêu', 'Raised on', 'date'),
          col('due', 'Hạn xử lý', 'Due', 'date'),
          col('age', 'Số ngày', 'Age (days)', 'integer', 9),
        ],
        openRows,
      ),
    ],
    notes: [`Vướng mắc nêu trong năm ${r.q.year}; trạng thái và quá hạn tính đến ngày ${today.split('-').reverse().join('/')}.`],
  };
}

// ─────────────── indicator values by commune (communes × indicators; the big export) ───────────────
/** Batch size of the streamed listing: bounded memory whatever the number of communes. */
export const VALUES_BATCH = 500;
const PREVIEW_ROWS = 100;

async function indicatorValues(db: Db, _ctx: RequestCtx, r: Resolved): Promise<Built> {
  const set = r.set!;
  const [indicators, count] = await Promise.all([repo.indicatorsOfSet(db, set.id), repo.indicatorValuesCount(db, r.filter, r.q.year, set.id)]);
  const columns = [
    col('code', 'Mã ĐVHC', 'Unit code', 'text', 9),
    col('commune', 'Xã', 'Commune', 'text', 24),
    col('parent', 'Đơn vị cấp trên', 'Parent unit', 'text', 22),
    col('status', 'Hồ sơ', 'Form status', 'text', 14),
    col('met', 'Số tiêu chí đạt', 'Criteria met', 'integer', 10),
    ...indicators.map((i) =>
      col(`i_${i.code}`, `${i.code}${i.unit ? ` (${i.unit})` : ''}`, `${i.code}${i.unit ? ` (${i.unit})` : ''}`, i.kind === 'boolean' || i.kind === 'verdict' ? 'text' : 'decimal', 10),
    ),
  ];
  const toRow = (v: repo.ValuesRow): ReportRow => {
    const vals = (typeof v.vals === 'string' ? JSON.parse(v.vals) : v.vals ?? {}) as Record<string, unknown>;
    return row(
      [v.unit_code, v.unit_name, v.parent_name || null, assessmentStatusWord[v.status] ?? v.status, v.criteria_met, ...indicators.map((i) => valueCell(vals[i.code]))],
      v.is_demo,
      'data',
      `/communes/${v.unit_id}?year=${r.q.year}`,
    );
  };
  const preview = (await repo.indicatorValuesPage(db, r.filter, r.q.year, set.id, null, PREVIEW_ROWS)).map(toRow);
  async function* stream(): AsyncIterable<ReportRow[]> {
    let after: repo.ValuesCursor | null = null;
    for (;;) {
      const page = await repo.indicatorValuesPage(db, r.filter, r.q.year, set.id, after, VALUES_BATCH);
      if (!page.length) return;
      yield page.map(toRow);
      const last = page[page.length - 1]!;
      after = { parentName: last.parent_name, unitName: last.unit_name, id: last.assessment_id };
      if (page.length < VALUES_BATCH) return;
    }
  }
  return {
    sections: [{ key: 'values', title: 'Giá trị chỉ tiêu theo xã', titleEn: 'Indicator values by commune', columns, rows: preview, totalRows: count.n, stream }],
    notes: [
      count.n > preview.length ? `Màn hình hiển thị ${preview.length}/${count.n} xã; tệp Excel có đủ ${count.n} xã.` : `Số xã: ${count.n}.`,
      'Mỗi xã lấy hồ sơ của đợt đánh giá mới nhất trong năm theo bộ tiêu chí đã chọn; ô trống là chỉ tiêu chưa có số liệu.',
    ],
    hasDemo: count.demo,
  };
}

export const registry: ReportDef[] = [
  {
    key: 'criteria-achievement',
    number: 1,
    title: 'Kết quả thực hiện tiêu chí theo tiêu chí và đơn vị',
    titleEn: 'Criteria achievement by criterion and unit',
    description: 'Số xã đạt và tỷ lệ đạt của từng tiêu chí, tổng hợp và theo từng đơn vị cấp trên.',
    descriptionEn: 'Communes meeting each criterion and the rate, overall and per parent unit.',
    params: ['year', 'setId', 'unitId', 'basis'],
    requires: ['setId'],
    action: 'report.read',
    formats: ['xlsx'],
    build: criteriaAchievement,
  },
  {
    key: 'bands',
    number: 2,
    title: 'Phân nhóm xã theo số tiêu chí đạt và bình quân tiêu chí/xã',
    titleEn: 'Bands of criteria met and averages by unit and year',
    description: 'Số xã theo nhóm tiêu chí đạt (19 / 15–18 / 10–14 / 5–9 / dưới 5) và bình quân tiêu chí/xã, theo năm và đơn vị.',
    descriptionEn: 'Communes per band of criteria met and the average per commune, by year and unit.',
    params: ['year', 'fromYear', 'setId', 'unitId', 'basis'],
    requires: ['setId'],
    action: 'report.read',
    formats: ['xlsx'],
    build: bandsReport,
  },
  {
    key: 'commune-profile',
    number: 3,
    title: 'Hồ sơ nông thôn mới của xã',
    titleEn: 'Commune profile',
    description: 'Tiêu chí, chỉ tiêu, giá trị, kết quả thẩm định, khoảng cách còn thiếu, kết quả các năm và quyết định công nhận của một xã.',
    descriptionEn: "A commune's criteria, values, verdicts, gaps, yearly results and recognitions.",
    params: ['year', 'communeId'],
    requires: ['communeId'],
    action: 'profile.read',
    formats: ['xlsx'],
    build: communeProfile,
  },
  {
    key: 'maintenance',
    number: 4,
    title: 'Rà soát duy trì xã đã đạt chuẩn',
    titleEn: 'Maintenance review of recognised communes',
    description: 'Xã đã được công nhận: kết quả mới nhất, tiêu chí không còn đạt, nguy cơ bị thu hồi.',
    descriptionEn: 'Recognised communes: latest result, criteria lost, risk of revocation.',
    params: ['year', 'unitId'],
    requires: [],
    action: 'maintenance.read',
    formats: ['xlsx'],
    build: maintenanceReport,
  },
  {
    key: 'target-progress',
    number: 5,
    title: 'Tiến độ xã đăng ký đạt chuẩn',
    titleEn: 'Target-commune progress',
    description: 'Xã trong danh sách đăng ký đạt chuẩn: số tiêu chí đạt, còn thiếu, tiến độ so với kế hoạch.',
    descriptionEn: 'Communes on the target list: criteria met, missing, progress against the plan.',
    params: ['year', 'listId'],
    requires: [],
    action: 'report.read',
    formats: ['xlsx'],
    build: targetProgressReport,
  },
  {
    key: 'activities-by-agency',
    number: 6,
    title: 'Hoạt động giúp đỡ xã theo cơ quan',
    titleEn: 'Help activities by agency',
    description: 'Theo từng cơ quan: số xã được phân công, số hoạt động, lượt xuống cơ sở, việc cần làm tiếp, giá trị hỗ trợ.',
    descriptionEn: 'Per agency: communes assigned, activities, visits, follow-ups, support value.',
    params: ['year', 'unitId'],
    requires: [],
    action: 'report.read',
    formats: ['xlsx'],
    build: activitiesReport,
  },
  {
    key: 'obstacles',
    number: 7,
    title: 'Khó khăn, vướng mắc theo cấp và trạng thái',
    titleEn: 'Obstacles by level and status',
    description: 'Số vướng mắc nêu trong năm theo cấp xử lý và trạng thái, số quá hạn, danh sách chưa giải quyết.',
    descriptionEn: 'Obstacles raised in the year by level and status, overdue ones, the open list.',
    params: ['year', 'unitId'],
    requires: [],
    action: 'report.read',
    formats: ['xlsx'],
    build: obstaclesReport,
  },
  {
    key: 'resources',
    number: 8,
    title: 'Nguồn lực theo nguồn, đơn vị và nội dung',
    titleEn: 'Resources by source, unit and component',
    description: 'Kế hoạch, phân bổ, giải ngân theo nguồn vốn, đơn vị và nội dung thành phần.',
    descriptionEn: 'Planned, allocated and disbursed by source, unit and component.',
    params: ['year', 'unitId'],
    requires: [],
    action: 'report.read',
    formats: ['xlsx'],
    build: resourcesReport,
  },
  {
    key: 'indicator-values',
    number: 9,
    title: 'Giá trị chỉ tiêu theo xã',
    titleEn: 'Indicator values by commune',
    description: 'Bảng xã × chỉ tiêu của một năm đánh giá (tải Excel để có đủ các xã).',
    descriptionEn: 'Communes × indicators for an assessment year (download the workbook for every commune).',
    params: ['year', 'setId', 'unitId'],
    requires: ['setId'],
    action: 'report.read',
    formats: ['xlsx'],
    build: indicatorValues,
  },
];

