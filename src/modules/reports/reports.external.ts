/**
 * Reports (5) and (8), built on the stable entry points of other modules: `targetProgress` (modules/targets: the
 * target-commune rows with their at-risk verdict) and `resourceTotals` (modules/resources: totals by source, unit,
 * component). Both apply their own grants and the caller's scope.
 */
import type { AtRiskReason, TargetRow } from '../../contracts/plans.js';
import type { ReportRow } from '../../contracts/reports.js';
import type { ResourceAmounts, ResourceTotalsResponse } from '../../contracts/resources.js';
import { rate } from '../../domain/reports/bands.js';
import type { RequestCtx } from '../../platform/context.js';
import { todayVN } from '../../platform/dates.js';
import type { Db } from '../../platform/db/client.js';
import { resourceTotals } from '../resources/resources.service.js';
import { targetProgress } from '../targets/targets.service.js';
import { col, levelWord, row, section } from './reports.presenter.js';
import type { Built, Resolved } from './reports.registry.js';

/** An at-risk reason in words. */
export function reasonText(r: AtRiskReason): string {
  switch (r.code) {
    case 'target_year_passed':
      return `Đã qua năm ${r.targetYear}, còn thiếu ${r.missing} tiêu chí`;
    case 'gap_too_large':
      return `Còn thiếu ${r.missing} tiêu chí, còn ${r.daysLeft} ngày (cần khoảng ${r.daysNeeded} ngày)`;
    case 'no_status':
      return `Chưa có kết quả đánh giá đến năm ${r.targetYear}`;
    case 'overdue_obstacles':
      return `${r.count} vướng mắc quá hạn (lâu nhất ${r.maxDaysOverdue} ngày)`;
    case 'no_helper':
      return 'Chưa có cơ quan giúp đỡ';
    case 'no_visit':
      return r.daysSinceVisit === null ? 'Chưa có lần xuống cơ sở nào' : `${r.daysSinceVisit} ngày chưa xuống cơ sở (ngưỡng ${r.days} ngày)`;
  }
}

/** The target rows of the report's year (one list or all lists), limited to the scope by `targetProgress`. */
export async function targetRows(db: Db, ctx: RequestCtx, r: Resolved): Promise<TargetRow[]> {
  return targetProgress(db, ctx, { year: r.q.year, ...(r.q.listId ? { listId: r.q.listId } : {}) });
}

export async function targetProgressReport(db: Db, ctx: RequestCtx, r: Resolved): Promise<Built> {
  const rows = await targetRows(db, ctx, r);
  const verdict = (t: TargetRow) => (t.met ? 'Đã đạt' : t.atRisk ? 'Có nguy cơ không đạt' : 'Đúng tiến độ');
  const out: ReportRow[] = rows.map((t) =>
    row(
      [
        t.unit.name,
        t.unit.parentName,
        levelWord[t.targetLevel] ?? t.targetLevel,
        t.targetYear,
        t.status?.criteriaMet ?? null,
        t.status?.criteriaApplicable ?? null,
        t.status?.missing.join(', ') || null,
        t.helpers.map((h) => h.name).join('; ') || null,
        t.openObstacles,
        t.overdueObstacles,
        t.lastVisit,
        t.plan?.percentDone ?? null,
        verdict(t),
        t.reasons.map(reasonText).join('; ') || null,
      ],
      false,
      'data',
      `/communes/${t.unit.id}?year=${r.q.year}`,
    ),
  );
  const met = rows.filter((t) => t.met).length;
  const atRisk = rows.filter((t) => t.atRisk).length;
  out.push(row([`Tổng cộng: ${rows.length} xã`, null, null, null, null, null, null, null, rows.reduce((s, t) => s + t.openObstacles, 0), rows.reduce((s, t) => s + t.overdueObstacles, 0), null, null, `Đã đạt ${met}; có nguy cơ ${atRisk}; đúng tiến độ ${rows.length - met - atRisk}`, null], false, 'total'));
  return {
    sections: [
      section(
        'targets',
        'Tiến độ xã đăng ký đạt chuẩn',
        'Target-commune progress',
        [
          col('unit', 'Xã', 'Commune', 'text', 22),
          col('parent', 'Đơn vị cấp trên', 'Parent unit', 'text', 18),
          col('level', 'Mức đăng ký', 'Target level', 'text', 20),
          col('targetYear', 'Năm đạt chuẩn', 'Target year', 'year', 9),
          col('met', 'Số tiêu chí đạt', 'Criteria met', 'integer', 10),
          col('applicable', 'Số tiêu chí áp dụng', 'Applicable', 'integer', 10),
          col('missing', 'Tiêu chí còn thiếu', 'Missing criteria', 'text', 18),
          col('helpers', 'Cơ quan giúp đỡ', 'Helping agencies', 'text', 28),
          col('open', 'Vướng mắc đang mở', 'Open obstacles', 'integer', 10),
          col('overdue', 'Vướng mắc quá hạn', 'Overdue obstacles', 'integer', 10),
          col('visit', 'Xuống cơ sở gần nhất', 'Latest visit', 'date'),
          col('plan', 'Tiến độ kế hoạch (%)', 'Plan done (%)', 'percent'),
          col('verdict', 'Đánh giá', 'Verdict', 'text', 20),
          col('reasons', 'Lý do', 'Reasons', 'text', 44),
        ],
        out,
      ),
    ],
    notes: [
      rows.length ? `Danh sách xã đăng ký đạt chuẩn năm ${r.q.year}: ${rows.length} xã; đã đạt ${met}; có nguy cơ không đạt ${atRisk}.` : `Chưa có danh sách xã đăng ký đạt chuẩn năm ${r.q.year} trong phạm vi.`,
      `Số liệu tính đến ngày ${todayVN().split('-').reverse().join('/')}.`,
    ],
  };
}

const SOURCE_WORD: Record<string, string> = {
  central_budget: 'Ngân sách trung ương',
  provincial_budget: 'Ngân sách tỉnh',
  district_budget: 'Ngân sách huyện (trước 7/2025)',
  commune_budget: 'Ngân sách xã',
  integrated_capital: 'Vốn lồng ghép',
  credit: 'Vốn tín dụng',
  enterprise: 'Doanh nghiệp',
  people_cash: 'Nhân dân đóng góp — tiền',
  people_in_kind: 'Nhân dân đóng góp — hiện vật',
  people_labour: 'Nhân dân đóng góp — ngày công',
  people_land: 'Nhân dân hiến đất',
  other: 'Nguồn khác',
};

const amountColumns = [
  col('entries', 'Số khoản', 'Entries', 'integer', 9),
  col('planned', 'Kế hoạch (đồng)', 'Planned (VND)', 'vnd'),
  col('allocated', 'Đã phân bổ (đồng)', 'Allocated (VND)', 'vnd'),
  col('disbursed', 'Đã giải ngân (đồng)', 'Disbursed (VND)', 'vnd'),
  col('rate', 'Tỷ lệ giải ngân (%)', 'Disbursement rate (%)', 'percent'),
  col('labour', 'Ngày công', 'Labour days', 'integer', 11),
  col('land', 'Đất hiến (m²)', 'Land donated (m²)', 'integer', 12),
];
const amounts = (a: ResourceAmounts) => [a.entries, a.plannedVnd, a.allocatedVnd, a.disbursedVnd, a.disbursementRate, a.labourDays, a.landM2];

/** Totals of the year grouped three ways (source, unit, component), each with the overall total. */
export async function resourcesTotals(db: Db, ctx: RequestCtx, r: Resolved): Promise<Record<'source' | 'unit' | 'component', ResourceTotalsResponse>> {
  const end = `${r.q.year}-12-31`;
  const asOf = todayVN() < end ? todayVN() : end;
  const base = { year: r.q.year, ...(r.q.unitId ? { unitId: r.q.unitId } : {}), asOf };
  const [source, unit, component] = await Promise.all([
    resourceTotals(db, ctx, { ...base, groupBy: 'source' }),
    resourceTotals(db, ctx, { ...base, groupBy: 'unit' }),
    resourceTotals(db, ctx, { ...base, groupBy: 'component' }),
  ]);
  return { source, unit, component };
}

export async function resourcesReport(db: Db, ctx: RequestCtx, r: Resolved): Promise<Built> {
  const t = await resourcesTotals(db, ctx, r);
  const totalsSection = (key: string, title: string, titleEn: string, first: string, firstEn: string, res: ResourceTotalsResponse, label: (x: ResourceTotalsResponse['rows'][number]) => string) => {
    const rows = [...res.rows.map((x) => row([label(x), ...amounts(x)])), row(['Tổng cộng', ...amounts(res.total)], false, 'total')];
    return section(key, title, titleEn, [col('group', first, firstEn, 'text', 34), ...amountColumns], rows);
  };
  return {
    sections: [
      totalsSection('source', 'Nguồn lực theo nguồn vốn', 'Resources by source', 'Nguồn vốn', 'Source', t.source, (x) => (x.source ? (SOURCE_WORD[x.source] ?? x.source) : x.key)),
      totalsSection('unit', 'Nguồn lực theo đơn vị', 'Resources by unit', 'Đơn vị', 'Unit', t.unit, (x) => x.unit?.name ?? x.key),
      totalsSection('component', 'Nguồn lực theo nội dung thành phần', 'Resources by component', 'Nội dung thành phần', 'Component', t.component, (x) =>
        x.component ? `${x.component.programme.shortName} — ${x.component.code}. ${x.component.name}` : 'Ngoài các chương trình',
      ),
    ],
    notes: [
      `Năm ${r.q.year}. Tỷ lệ giải ngân = đã giải ngân / đã phân bổ của các nguồn bằng tiền (không tính hiện vật, ngày công, đất hiến).`,
      `Theo đơn vị: số liệu của xã cũ được cộng vào xã hiện có tại ngày ${t.unit.asOf.split('-').reverse().join('/')} (sau sắp xếp).`,
      ...(rate(t.source.total.disbursedVnd, t.source.total.allocatedVnd) === null ? ['Chưa có số liệu phân bổ trong kỳ.'] : []),
    ],
  };
}
