/** Job rows → the contract (the only way out): internal row ids and versions of the preview stay inside. */
import type { ImportIssue, ValueImportJob } from '../../contracts/value-import.js';
import { VALUE_IMPORT_LIST_MAX } from '../../contracts/value-import.js';
import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import { json } from '../assessments/assessments.repo.js';
import type { JobRow, StoredPreview } from './value-import.repo.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function presentJob(j: JobRow, actor: Actor): ValueImportJob {
  const issues = json<ImportIssue[]>(j.errors) ?? [];
  const preview = json<StoredPreview | null>(j.preview) ?? { changes: [], communes: [] };
  return {
    id: j.id,
    cycle: { id: j.cycle_id, name: j.cycle_name, year: j.cycle_year },
    unit: { id: j.unit_id, code: j.unit_code, name: j.unit_name },
    fileName: j.file_name,
    fileId: j.file_id,
    status: j.status,
    progress: { phase: j.phase, done: j.processed_rows, total: j.total_rows },
    counts: { rows: j.total_rows, errors: j.error_count, warnings: j.warning_count, changes: j.change_count, communes: j.commune_count },
    failure: j.failure,
    issues: issues.slice(0, VALUE_IMPORT_LIST_MAX),
    issuesTruncated: issues.length > VALUE_IMPORT_LIST_MAX,
    changes: preview.changes.slice(0, VALUE_IMPORT_LIST_MAX).map((c) => ({
      row: c.row,
      assessmentId: c.assessmentId,
      unit: c.unit,
      code: c.code,
      wording: c.wording,
      unitOfMeasure: c.unitOfMeasure,
      before: c.before,
      after: c.after,
      noteBefore: c.noteBefore,
      noteAfter: c.noteAfter,
      statusBefore: c.statusBefore,
      statusAfter: c.statusAfter,
    })),
    changesTruncated: preview.changes.length > VALUE_IMPORT_LIST_MAX,
    communes: preview.communes,
    createdAt: iso(j.created_at)!,
    createdBy: j.created_by_name,
    validatedAt: iso(j.validated_at),
    appliedAt: iso(j.applied_at),
    appliedBy: j.applied_by_name,
    version: j.version,
    abilities: {
      canApply: can(actor, 'valueImport.write') && j.status === 'validated' && j.error_count === 0 && j.change_count > 0,
      canDownloadErrors: j.status !== 'parsing' && issues.length > 0,
    },
  };
}
