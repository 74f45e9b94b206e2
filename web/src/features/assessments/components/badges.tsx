/** The status language of assessments as badges: colour, icon and word together, never colour alone. */
import type { ReactNode } from 'react';
import type { AssessmentStatus, ResultState, VerdictValue } from '../../../../../src/contracts/assessments.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';
import {
  criterionStatusLook,
  indicatorStatusLook,
  targetStateLook,
  type CriterionStatusName,
  type IndicatorStatusName,
  type StatusLook,
  type TargetStateName,
} from '../../../lib/status-language.js';
import type { SaveStatus } from '../save-state.js';
import { assessmentStatusLook, resultStateLook, saveStatusLook } from '../labels.js';

export function Look({ look, children }: { look: StatusLook; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <StatusBadge tone={look.tone} icon={look.icon}>
      {t(look.label)}
      {children}
    </StatusBadge>
  );
}

export const IndicatorStatusBadge = ({ status }: { status: IndicatorStatusName }) => <Look look={indicatorStatusLook[status]} />;
export const VerdictBadge = ({ verdict }: { verdict: VerdictValue }) => <Look look={indicatorStatusLook[verdict]} />;
export const CriterionStatusBadge = ({ status }: { status: CriterionStatusName }) => <Look look={criterionStatusLook[status]} />;
export const TargetStateBadge = ({ state }: { state: TargetStateName }) => <Look look={targetStateLook[state]} />;
export const AssessmentStatusBadge = ({ status }: { status: AssessmentStatus }) => <Look look={assessmentStatusLook[status]} />;
export const ResultStateBadge = ({ state }: { state: ResultState }) => <Look look={resultStateLook[state]} />;
export const SaveBadge = ({ status }: { status: SaveStatus }) => <Look look={saveStatusLook[status]} />;

/** "Illustrative data" on demo records. */
export function DemoBadge() {
  const { t } = useI18n();
  return (
    <StatusBadge tone="demo" icon="◇">
      {t('common.demo')}
    </StatusBadge>
  );
}
