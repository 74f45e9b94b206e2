/** The help team as rows of name + role, added and removed by the person (a decision lists them by name). */
import type { TeamMemberInput } from '../../../../../src/contracts/assistance.js';
import { Button } from '../../../components/button.js';
import { TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import type { FieldErrors } from '../../../lib/form.js';

export type TeamRow = Pick<TeamMemberInput, 'name' | 'role'>;

export function TeamEditor({ value, onChange, errors }: { value: TeamRow[]; onChange: (rows: TeamRow[]) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<TeamRow>) => onChange(value.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset field repeat">
      <legend className="field-label">{t('assign.team')}</legend>
      {value.length === 0 ? <p className="field-hint">{t('assign.teamEmpty')}</p> : null}
      {value.map((r, i) => (
        <div key={i} className="repeat-row" role="group" aria-label={t('assign.member', { n: i + 1 })}>
          <TextField label={t('assign.memberName')} required value={r.name} error={errors[`team.${i}.name`]} onChange={(e) => set(i, { name: e.target.value })} />
          <TextField
            label={t('assign.memberRole')}
            hint={t('assign.memberRoleHint')}
            required
            value={r.role}
            error={errors[`team.${i}.role`]}
            onChange={(e) => set(i, { role: e.target.value })}
          />
          <Button size="small" variant="quiet" onClick={() => onChange(value.filter((_, k) => k !== i))}>
            <span aria-hidden="true">✕ </span>
            {t('assign.removeMember', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button size="small" onClick={() => onChange([...value, { name: '', role: value.length === 0 ? 'Tổ trưởng' : 'Thành viên' }])}>
        <span aria-hidden="true">＋ </span>
        {t('assign.addMember')}
      </Button>
    </fieldset>
  );
}
