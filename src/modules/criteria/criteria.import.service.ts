/**
 * Spreadsheet import of a whole criteria set (a decision's annex typed once): preview gives the validation report,
 * apply creates a draft set all or nothing. The steering office imports for a province in its scope; a national
 * set needs a system administrator.
 */
import type { ImportBody, ImportIssue, ImportReport } from '../../contracts/criteria.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize, can } from '../../platform/auth/policy.js';
import { allUnitsInScope } from '../../platform/auth/scope.repo.js';
import type { RequestCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.js';
import { mutate } from '../../platform/tx.js';
import { setAbilities } from './criteria.policy.js';
import { presentSummary } from './criteria.presenter.js';
import * as repo from './criteria.repo.js';
import { buildTemplate, readWorkbook, type ParsedWorkbook } from './criteria.spreadsheet.js';

/** The empty template workbook. */
export async function importTemplate(ctx: RequestCtx): Promise<Buffer> {
  authorize(ctx.actor, 'criteria.import');
  return buildTemplate();
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function withIssue(parsed: ParsedWorkbook, issue: ImportIssue): ParsedWorkbook {
  const errors = parsed.summary.errors + (issue.severity === 'error' ? 1 : 0);
  return {
    ...parsed,
    fileIssues: [...parsed.fileIssues, issue],
    definition: issue.severity === 'error' ? null : parsed.definition,
    summary: { ...parsed.summary, errors, warnings: parsed.summary.warnings + (issue.severity === 'warning' ? 1 : 0) },
  };
}

function report(body: ImportBody, parsed: ParsedWorkbook, set: ImportReport['set']): ImportReport {
  return {
    mode: body.mode,
    fileName: body.fileName,
    sheet: parsed.sheet,
    ok: parsed.summary.errors === 0,
    applied: set !== null,
    summary: parsed.summary,
    fileIssues: parsed.fileIssues,
    rows: parsed.rows,
    set,
  };
}

/** Preview (validation report only) or apply (create the draft set) a spreadsheet. */
export async function importSet(db: Db, ctx: RequestCtx, body: ImportBody): Promise<{ status: 200 | 201; report: ImportReport }> {
  authorize(ctx.actor, 'criteria.import');
  const actor = ctx.actor;
  const ns = body.target.newSet;
  const provinceUnitId = ns.provinceUnitId ?? null;
  if (provinceUnitId) {
    const province = await repo.findUnitForOwnership(db, provinceUnitId);
    if (!province || province.level !== 'province') {
      throw invalid([{ path: 'target.newSet.provinceUnitId', message: 'Bộ tiêu chí nhập phải thuộc một đơn vị cấp tỉnh' }]);
    }
    if (!(await allUnitsInScope(db, actor, [provinceUnitId]))) throw forbidden('Tỉnh này nằm ngoài phạm vi của bạn');
  } else if (!can(actor, 'criteria.editNational')) {
    throw forbidden('Chỉ quản trị hệ thống được tạo bộ tiêu chí quốc gia; hãy chọn tỉnh sở hữu bộ tiêu chí');
  }
  if (ns.validTo && ns.validTo <= ns.validFrom) throw invalid([{ path: 'target.newSet.validTo', message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' }]);
  if (!BASE64.test(body.contentBase64)) throw invalid([{ path: 'contentBase64', message: 'Nội dung tệp phải mã hóa base64' }]);

  const header = { code: ns.code, name: ns.name, level: ns.level, legalBasis: ns.legalBasis, validFrom: ns.validFrom, validTo: ns.validTo ?? null };
  let parsed = await readWorkbook(Buffer.from(body.contentBase64, 'base64'), header, body.fileName, { name: actor.name, at: new Date().toISOString() });
  const codeTaken = await repo.codeExists(db, ns.code);
  if (codeTaken) {
    if (body.mode === 'apply') throw conflict(`Mã bộ tiêu chí "${ns.code}" đã có; chọn mã khác hoặc tạo phiên bản mới từ bộ đó`);
    parsed = withIssue(parsed, { severity: 'error', column: null, message: `Mã bộ tiêu chí "${ns.code}" đã có; chọn mã khác` });
  }
  if (body.mode === 'preview') return { status: 200, report: report(body, parsed, null) };

  const definition = parsed.definition;
  if (!definition) {
    throw new AppError('VALIDATION', `Tệp có ${parsed.summary.errors} lỗi nên chưa tạo bộ tiêu chí; xem báo cáo kiểm tra`, {
      fields: [...parsed.fileIssues, ...parsed.rows.flatMap((r) => r.issues.map((i) => ({ ...i, row: r.row })))]
        .filter((i) => i.severity === 'error')
        .map((i) => ({ path: 'row' in i ? `dòng ${i.row}${i.column ? `, cột ${i.column}` : ''}` : (i.column ?? 'tệp'), message: i.message })),
      report: report(body, parsed, null),
    });
  }
  const id = await mutate(db, ctx, async (tx) => {
    const created = await repo.insertSet(tx, {
      code: ns.code,
      name: ns.name,
      level: ns.level,
      legalBasis: ns.legalBasis,
      validFrom: ns.validFrom,
      validTo: ns.validTo ?? null,
      version: 1,
      parentSetId: null,
      provinceUnitId,
      status: 'draft',
      isDemo: false,
      definition,
      createdBy: actor.id,
    });
    await recordAudit(tx, ctx, {
      action: 'criteria.import',
      entityType: 'criteria_set',
      entityId: created,
      unitId: provinceUnitId,
      after: { code: ns.code, name: ns.name, fileName: body.fileName, summary: parsed.summary },
    });
    return created;
  });
  const row = (await repo.findSet(db, id))!;
  const abilities = setAbilities(actor, { provinceUnitId, status: row.status, provinceInScope: true });
  return { status: 201, report: report(body, parsed, presentSummary(row, abilities)) };
}
