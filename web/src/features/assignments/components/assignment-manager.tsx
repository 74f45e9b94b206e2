/**
 * A list of assignments with its end / replace dialogs (from each row's abilities), for the hub, a commune's page
 * (current + history, predecessors' included) and an agency's page.
 */
import { useState, type ReactNode } from 'react';
import type { Assignment } from '../../../../../src/contracts/assistance.js';
import { Dialog } from '../../../components/dialog.js';
import { EmptyState } from '../../../components/empty-state.js';
import { Notice } from '../../../components/error-message.js';
import type { PickerSlot } from '../../../components/picker.js';
import { useI18n } from '../../../i18n/index.js';
import { splitAssignments } from '../labels.js';
import { AssignmentForm, type AgencySelectSlot } from './assignment-form.js';
import { AssignmentTable } from './assignment-table.js';
import { EndAssignmentForm } from './end-assignment-form.js';

interface Props {
  rows: Assignment[];
  today: string;
  agencySelect: AgencySelectSlot;
  unitPicker: PickerSlot;
  empty: ReactNode;
  /** Split into "current" and "history" tables (a commune's or an agency's page). */
  split?: boolean;
  showUnit?: boolean;
  showAgency?: boolean;
  caption: string;
  headingLevel?: 2 | 3;
}

export function AssignmentManager({ rows, today, agencySelect, unitPicker, empty, split, showUnit, showAgency, caption, headingLevel = 3 }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<{ kind: 'end' | 'replace'; a: Assignment } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const table = (list: Assignment[], cap: string) => (
    <AssignmentTable
      rows={list}
      caption={cap}
      today={today}
      showUnit={showUnit}
      showAgency={showAgency}
      onEnd={(a) => (setNotice(null), setOpen({ kind: 'end', a }))}
      onReplace={(a) => (setNotice(null), setOpen({ kind: 'replace', a }))}
    />
  );
  const { current, history } = splitAssignments(rows, today);
  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      {rows.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : split ? (
        <>
          <H>{t('assign.current')}</H>
          {current.length ? table(current, t('assign.current')) : <EmptyState>{empty}</EmptyState>}
          <H>{t('assign.history')}</H>
          {history.length ? table(history, t('assign.history')) : <p className="muted">{t('assign.noHistory')}</p>}
        </>
      ) : (
        table(rows, caption)
      )}
      <Dialog open={open?.kind === 'end'} onOpenChange={(o) => (o ? null : setOpen(null))} title={t('assign.endTitle')} description={t('assign.endIntro')}>
        {open?.kind === 'end' ? (
          <EndAssignmentForm
            assignment={open.a}
            today={today}
            onDone={() => {
              setOpen(null);
              setNotice(t('assign.endedNotice'));
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={open?.kind === 'replace'} onOpenChange={(o) => (o ? null : setOpen(null))} title={t('assign.replaceTitle')} description={t('assign.replaceIntro')} wide>
        {open?.kind === 'replace' ? (
          <AssignmentForm
            agencySelect={agencySelect}
            unitPicker={unitPicker}
            replacing={open.a}
            today={today}
            onDone={() => {
              setOpen(null);
              setNotice(t('assign.replacedNotice'));
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
