/**
 * Demonstration data for "Plans and targets" (issue 6), all `is_demo`, removed by `mtqg demo remove`.
 * - The 2024 target list of the former Lào Cai province. From seed/reference/laocai-ntm-status-2024.md §2.1: 11 communes
 *   registered to reach NTM and 7 to reach advanced NTM in 2024 (18 in all, very likely those of Kế hoạch 239/KH-BCĐ —
 *   unverified; its text, date and names were not found). Named where the notes name them: NTM — Tả Van, Thanh Bình
 *   (recognised for 2024), Mường Hoa (candidate, 18/19); advanced — Đồng Tuyển, Hợp Thành (recognised for 2024),
 *   Phú Nhuận (candidate, 18/19). The other 8 + 4 are chosen by a seeded PRNG and labelled "Dữ liệu minh họa".
 * - A target list on the communes formed on 2025-07-01 for 2025 and, when today is later, for the current year
 *   (Xã Bát Xát and Xã Hợp Thành among them), synthetic and labelled.
 * - Annual plans (2025 and the current year) with criteria and tasks for several new communes incl. Xã Bát Xát
 *   (demo.xa), drawn from their 2025 demonstration assessment summaries; synthetic and labelled.
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../platform/audit.js';
import type { RequestCtx } from '../platform/context.js';
import { todayVN } from '../platform/dates.js';
import type { Db } from '../platform/db/client.js';
import { queryOne, queryRows } from '../platform/db/query.js';
import { getSetting, setSetting } from '../platform/settings.repo.js';
import { mutate } from '../platform/tx.js';
import { insertPlan, insertTasks, replaceCriteria, type NewTask } from '../modules/plans/plans.repo.js';
import { insertCommunes, insertList } from '../modules/targets/targets.repo.js';
import { prng } from './random.js';

const SETTING = 'plans_demo_loaded_at';
const LABEL = 'Dữ liệu minh họa';
const REF = 'seed/reference/laocai-ntm-status-2024.md';
/** Named 2024 targets: code, level, what the notes say. */
const NAMED: ReadonlyArray<[string, 'ntm' | 'advanced', string]> = [
  ['03040', 'ntm', `Đạt chuẩn NTM năm 2024 (công bố 05/4/2025) — ${REF} §2.2 [d][e]`],
  ['03022', 'ntm', `Đạt chuẩn NTM năm 2024; xã khu vực III — ${REF} §2.2 [d][e]`],
  ['03037', 'ntm', `Xã ứng viên NTM 2024, đạt 18/19 tiêu chí (3/2024) — ${REF} §2.1 [h]`],
  ['02662', 'advanced', `Đạt chuẩn NTM nâng cao năm 2024 (QĐ 1373/1374) — ${REF} §2.2 [f]`],
  ['02680', 'advanced', `Đạt chuẩn NTM nâng cao năm 2024 (QĐ 1373/1374) — ${REF} §2.2 [f]`],
  ['02944', 'advanced', `Xã ứng viên NTM nâng cao 2024, đạt 18/19 tiêu chí (3/2024) — ${REF} §2.1 [h]`],
];
/** Communes recognised NTM before 2024 in the notes (§2.2): candidates for the synthetic advanced rows. */
const NTM_BEFORE_2024 = ['02677', '02797', '02788', '02710', '03097', '02890', '02926', '02983', '02986', '02914', '02911', '02965', '02884', '02881', '02896', '03070', '02980'];

/** Task templates per criterion of the 2021–2025 set (typical work of a commune plan). */
const TASKS: Record<string, string[]> = {
  '1': ['Điều chỉnh quy hoạch chung xây dựng xã', 'Công bố và cắm mốc quy hoạch'],
  '2': ['Cứng hóa đường trục thôn, liên thôn', 'Lắp đèn chiếu sáng đường trục xã'],
  '3': ['Kiên cố hóa kênh mương nội đồng', 'Kiện toàn ban chỉ huy phòng chống thiên tai xã'],
  '4': ['Cải tạo lưới điện hạ thế các thôn'],
  '5': ['Xây phòng học, phòng chức năng trường tiểu học'],
  '6': ['Sửa chữa nhà văn hóa thôn', 'Mua sắm trang thiết bị nhà văn hóa xã'],
  '7': ['Cải tạo chợ nông thôn'],
  '8': ['Lắp đặt loa truyền thanh các thôn', 'Số hóa thủ tục hành chính một cửa'],
  '9': ['Hỗ trợ xóa nhà tạm, nhà dột nát'],
  '10': ['Nhân rộng mô hình trồng cây ăn quả tăng thu nhập'],
  '11': ['Rà soát, hỗ trợ hộ nghèo đa chiều'],
  '12': ['Đào tạo nghề cho lao động nông thôn'],
  '13': ['Thành lập hợp tác xã nông nghiệp', 'Xây dựng sản phẩm OCOP của xã'],
  '14': ['Duy trì phổ cập giáo dục, xóa mù chữ'],
  '15': ['Vận động người dân tham gia bảo hiểm y tế'],
  '16': ['Xây dựng thôn văn hóa, gia đình văn hóa'],
  '17': ['Xây dựng điểm tập kết rác thải sinh hoạt', 'Hỗ trợ hộ gia đình xây nhà tiêu hợp vệ sinh'],
  '18': ['Chuẩn hóa đội ngũ cán bộ, công chức xã'],
  '19': ['Xây dựng lực lượng dân quân vững mạnh'],
};
/**
 * From 2026 plans follow the 2026–2030 set (10 criteria). The demo carries a commune's 2025 gaps into it by theme — an
 * illustrative grouping, not a legal correspondence: infrastructure (2021–2025 nos. 2–7, 9) → 2, income and production
 * (10, 13) → 3, labour (12) → 4, education, health, culture (14–16) → 5, poverty (11) → 6, information (8) → 7,
 * environment (17) → 8, political system (18) → 9, defence and security (19) → 10.
 */
const TO_2026: Record<string, string> = {
  '1': '1', '2': '2', '3': '2', '4': '2', '5': '2', '6': '2', '7': '2', '9': '2', '10': '3', '13': '3', '12': '4',
  '14': '5', '15': '5', '16': '5', '11': '6', '8': '7', '17': '8', '18': '9', '19': '10',
};
const TASKS_2026: Record<string, string[]> = {
  '1': ['Rà soát, điều chỉnh quy hoạch chung xã theo địa giới mới'],
  '2': ['Cứng hóa đường trục thôn, liên thôn', 'Sửa chữa nhà văn hóa thôn'],
  '3': ['Xây dựng sản phẩm OCOP của xã', 'Nhân rộng mô hình trồng cây ăn quả tăng thu nhập'],
  '4': ['Đào tạo nghề cho lao động nông thôn'],
  '5': ['Xây phòng học, phòng chức năng trường tiểu học', 'Vận động người dân tham gia bảo hiểm y tế'],
  '6': ['Rà soát, hỗ trợ hộ nghèo đa chiều', 'Hỗ trợ xóa nhà tạm, nhà dột nát'],
  '7': ['Số hóa thủ tục hành chính một cửa', 'Lắp loa truyền thanh thông minh các thôn'],
  '8': ['Xây dựng điểm tập kết rác thải sinh hoạt', 'Hỗ trợ hộ gia đình xây nhà tiêu hợp vệ sinh'],
  '9': ['Chuẩn hóa đội ngũ cán bộ, công chức xã'],
  '10': ['Xây dựng lực lượng dân quân vững mạnh'],
};
const NOTES_DONE = ['Đã nghiệm thu, đưa vào sử dụng', 'Hoàn thành, đã có biên bản', 'Đã xong'];
const NOTES_DOING = ['Đang thi công, đạt khoảng 60%', 'Đang hoàn thiện hồ sơ', 'Đã khởi công, chờ vốn đợt 2'];

/** Load the plans demo once; false when already loaded or when its prerequisites are missing. */
export async function seedPlansDemo(db: Db, ctx: RequestCtx): Promise<boolean> {
  if (await getSetting(db, SETTING)) return false;
  const p2024 = await queryOne<{ id: string }>(db, sql`select id from unit where code = '10' and level = 'province' and (valid_from is null or valid_from <= '2024-12-31') and (valid_to is null or valid_to > '2024-12-31') limit 1`);
  const p2025 = await queryOne<{ id: string }>(db, sql`select id from unit where level = 'province' and valid_from = '2025-07-01' limit 1`);
  if (!p2024 || !p2025) return false;
  const rng = prng(20240239);
  const today = todayVN();
  const thisYear = Number(today.slice(0, 4));

  await mutate(db, ctx, async (tx) => {
    // ── 2024: 11 NTM + 7 advanced on the former province's communes valid on 31/12/2024 ──
    const communes2024 = await queryRows<{ id: string; code: string; type: string }>(
      tx,
      sql`with recursive t(id) as (select ${p2024.id}::uuid union select u.id from unit u join t on u.parent_id = t.id)
          select u.id, u.code, u.type from unit u join t on t.id = u.id
          where u.level = 'commune' and (u.valid_from is null or u.valid_from <= '2024-12-31') and (u.valid_to is null or u.valid_to > '2024-12-31')
          order by u.code`,
    );
    const byCode = new Map(communes2024.map((c) => [c.code, c]));
    const recognised = new Set((await queryRows<{ code: string }>(tx, sql`select u.code from recognition r join unit u on u.id = r.unit_id where r.kind = 'recognition' and r.year < 2024`)).map((r) => r.code));
    const named = NAMED.filter(([code]) => byCode.has(code));
    const taken = new Set(named.map(([c]) => c));
    const rural = communes2024.filter((c) => c.type.toLowerCase().startsWith('xã') && !taken.has(c.code));
    const draw = (pool: typeof rural, n: number) => {
      const out: typeof rural = [];
      const rest = [...pool];
      while (out.length < n && rest.length) out.push(...rest.splice(Math.floor(rng.next() * rest.length), 1));
      for (const c of out) taken.add(c.code);
      return out;
    };
    const ntmPool = rural.filter((c) => !recognised.has(c.code) && !NTM_BEFORE_2024.includes(c.code));
    const advPool = rural.filter((c) => NTM_BEFORE_2024.includes(c.code) || recognised.has(c.code));
    const synthNtm = draw(ntmPool, 11 - named.filter(([, l]) => l === 'ntm').length);
    const synthAdv = draw(advPool.filter((c) => !taken.has(c.code)), 7 - named.filter(([, l]) => l === 'advanced').length);
    const list2024 = await insertList(tx, {
      provinceUnitId: p2024.id,
      year: 2024,
      title: 'Danh sách xã đăng ký đạt chuẩn nông thôn mới, nông thôn mới nâng cao năm 2024 (18 xã)',
      documentNo: '239/KH-BCĐ',
      documentDate: null,
      note:
        `Số lượng theo báo cáo của Văn phòng Điều phối NTM tỉnh (${REF} §2.1): 11 xã đăng ký đạt chuẩn NTM, 7 xã đạt chuẩn NTM nâng cao. ` +
        'Việc 18 xã này thuộc Kế hoạch 239/KH-BCĐ chưa được xác minh; ngày ban hành chưa rõ. ' +
        `Xã có ghi nguồn là xã được nêu tên trong nguồn; các xã còn lại là ${LABEL.toLowerCase()}, không phải danh sách thật.`,
      createdBy: null,
      isDemo: true,
      status: 'adopted',
    });
    await insertCommunes(tx, list2024, [
      ...named.map(([code, level, note]) => ({ unitId: byCode.get(code)!.id, targetLevel: level, helperAgencyId: null, note })),
      ...synthNtm.map((c) => ({ unitId: c.id, targetLevel: 'ntm' as const, helperAgencyId: null, note: `${LABEL} — xã chọn ngẫu nhiên` })),
      ...synthAdv.map((c) => ({ unitId: c.id, targetLevel: 'advanced' as const, helperAgencyId: null, note: `${LABEL} — xã chọn ngẫu nhiên` })),
    ], null);

    // ── new communes (from 2025-07-01): lists for 2025 and the current year, plans with tasks ──
    const communes2025 = await queryRows<{ id: string; code: string; name: string; missing: string[] | string | null }>(
      tx,
      sql`select u.id, u.code, u.name, cs.missing from unit u
          left join lateral (select c.missing from commune_status c where c.unit_id = u.id and c.year = 2025 order by c.computed_at desc limit 1) cs on true
          where u.level = 'commune' and u.parent_id = ${p2025.id} and u.valid_from = '2025-07-01' order by u.code`,
    );
    const missingOf = (c: (typeof communes2025)[number]): string[] => {
      const m = c.missing === null ? null : typeof c.missing === 'string' ? (JSON.parse(c.missing) as string[]) : c.missing;
      return m ?? [];
    };
    const first = ['02683', '02680'].map((code) => communes2025.find((c) => c.code === code)).filter((c) => c !== undefined);
    const others = communes2025.filter((c) => !first.includes(c) && missingOf(c).length > 0 && missingOf(c).length <= 8);
    const chosen = [...first];
    while (chosen.length < 12 && others.length) chosen.push(...others.splice(Math.floor(rng.next() * others.length), 1));
    const years = [...new Set([2025, Math.max(2025, thisYear)])];
    const lists: string[] = [];
    for (const y of years) {
      const id = await insertList(tx, {
        provinceUnitId: p2025.id,
        year: y,
        title: `Danh sách xã phấn đấu đạt chuẩn nông thôn mới năm ${y} (${LABEL.toLowerCase()})`,
        documentNo: `${y === 2025 ? 12 : 31}/KH-BCĐ (${LABEL.toLowerCase()})`,
        documentDate: `${y}-03-15`,
        note: `${LABEL}: danh sách tự sinh để trình diễn, không phải văn bản thật.`,
        createdBy: null,
        isDemo: true,
        status: 'adopted',
      });
      const rows = (y === 2025 ? chosen.slice(0, 8) : chosen).map((c) => ({ unitId: c.id, targetLevel: 'ntm' as const, helperAgencyId: null, note: LABEL }));
      await insertCommunes(tx, id, rows, null);
      lists.push(id);
    }

    const helpers = new Map(
      (
        await queryRows<{ unit_id: string; agency_id: string }>(
          tx,
          sql`select distinct on (a.unit_id) a.unit_id, a.agency_id from assignment a
              where a.unit_id in (${sql.join(chosen.map((c) => sql`${c.id}::uuid`), sql`, `)}) and (a.valid_to is null or a.valid_to > ${today}::date)
              order by a.unit_id, a.valid_from`,
        )
      ).map((r) => [r.unit_id, r.agency_id]),
    );
    let plans = 0;
    for (const c of chosen.slice(0, 6)) {
      const missing = missingOf(c).slice(0, 5);
      const crits2025 = missing.length ? missing : ['6', '17'];
      const crits2026 = [...new Set(crits2025.map((n) => TO_2026[n] ?? '2'))];
      let previous: string | null = null;
      for (const y of years) {
        const past = y < thisYear;
        const crits = y <= 2025 ? crits2025 : crits2026;
        const templates = y <= 2025 ? TASKS : TASKS_2026;
        const planId: string = await insertPlan(tx, {
          unitId: c.id,
          kind: 'annual',
          yearFrom: y,
          yearTo: y,
          title: `Kế hoạch xây dựng xã nông thôn mới năm ${y} — ${c.name}`,
          targetLevel: 'ntm',
          targetYear: y,
          note: `${LABEL}: kế hoạch tự sinh để trình diễn.`,
          copiedFromId: previous,
          createdBy: null,
          status: 'approved',
          isDemo: true,
        });
        await replaceCriteria(tx, planId, crits.map((n) => ({ criterionNumber: n, targetYear: y, note: null, copied: previous !== null })));
        const tasks: NewTask[] = [];
        for (const n of crits) {
          for (const title of (templates[n] ?? [`Hoàn thiện tiêu chí số ${n}`]).slice(0, 2)) {
            const month = rng.int(3, 11);
            const roll = rng.next();
            const deadline = `${y}-${String(month).padStart(2, '0')}-${month === 11 ? 30 : 28}`;
            // A past year's tasks are mostly done; this year's too when their deadline has passed (some late), the
            // others under way or not started.
            const due = past || deadline < today;
            const status: NewTask['status'] = past
              ? roll < 0.75 ? 'done' : roll < 0.9 ? 'doing' : 'cancelled'
              : due ? (roll < 0.65 ? 'done' : roll < 0.85 ? 'doing' : 'todo') : roll < 0.2 ? 'done' : roll < 0.6 ? 'doing' : 'todo';
            const agency = rng.next() < 0.4 ? (helpers.get(c.id) ?? null) : null;
            tasks.push({
              criterionNumber: n,
              title,
              responsibleAgencyId: agency,
              responsibleName: agency ? null : 'UBND xã',
              deadline,
              estimatedCostVnd: rng.int(2, 60) * 50_000_000,
              status,
              progressNote: status === 'done' ? rng.pick(NOTES_DONE) : status === 'doing' ? rng.pick(NOTES_DOING) : null,
              doneAt: status === 'done' ? (deadline < today ? deadline : today) : null,
            });
          }
        }
        // Xã Bát Xát keeps open work this year, so its officer has something to finish.
        if (c.code === '02683' && !past) {
          tasks.push({
            criterionNumber: crits[0]!, title: 'Hoàn thiện hồ sơ minh chứng tiêu chí', responsibleAgencyId: null, responsibleName: 'UBND xã',
            deadline: `${y}-12-15`, estimatedCostVnd: null, status: 'todo', progressNote: null,
          });
        }
        await insertTasks(tx, planId, tasks, null);
        previous = planId;
        plans++;
      }
    }

    await setSetting(tx, SETTING, new Date().toISOString());
    await recordAudit(tx, ctx, {
      action: 'seed.plans.demo',
      entityType: 'dataset',
      entityId: 'plans-demo',
      after: { lists: [list2024, ...lists], named: named.map(([c]) => c), synthetic: [...synthNtm, ...synthAdv].map((c) => c.code), plans },
    });
  });
  return true;
}

/** Remove the plans demo (lists cascade to their communes; plans to their criteria and tasks). */
export async function removePlansDemo(tx: Db): Promise<void> {
  await tx.execute(sql`delete from target_list where is_demo`);
  await tx.execute(sql`delete from commune_plan where is_demo`);
  await tx.execute(sql`delete from app_setting where key = ${SETTING}`);
}

