/**
 * One indicator of the commune's form, phone-first: the wording, the target beside the field, the value (number,
 * yes/no or a label), the met / not met as the officer types, a short explanation, evidence photos, last year's value
 * offered (and marked when taken), the return reason when a reviewer sent it back, and a clear saved / saving / not
 * saved / conflict state. Rows the commune may no longer edit show what was sent and the verdicts so far.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { AssessmentForm, formIndicator, IndicatorResult, IndicatorValueInput } from '../../../../../src/contracts/assessments.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useI18n } from '../../../i18n/index.js';
import { comparator, gapWords, parseTypedValue, valueWords } from '../../../lib/indicator-values.js';
import { assessmentKeys } from '../api/keys.js';
import { patchForm, useRowSaver } from '../hooks/use-row-saver.js';
import { instantStatus, valueToText } from '../labels.js';
import type { SaveStatus } from '../save-state.js';
import { EvidenceList } from './evidence-list.js';
import { IndicatorStatusBadge, ResultStateBadge, SaveBadge, TargetStateBadge, VerdictBadge } from './badges.js';

type FormIndicator = z.infer<typeof formIndicator>;

interface Props {
  assessmentId: string;
  unitId: string;
  ind: FormIndicator;
  /** Labels of the review steps by key, for the verdicts shown on sent rows. */
  stepLabels: Record<string, string>;
  onStatus: (code: string, status: SaveStatus) => void;
}

export const rowAnchor = (code: string) => `ct-${code.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function IndicatorEntry({ assessmentId, unitId, ind, stepLabels, onStatus }: Props) {
  const { t, number, dateTime } = useI18n();
  const qc = useQueryClient();
  const r = ind.result;
  const saver = useRowSaver(assessmentId, r);
  const { state } = saver;
  const [text, setText] = useState(() => valueToText(r.value));
  const [note, setNote] = useState(r.note ?? '');
  const [carried, setCarried] = useState(r.carriedOver);
  const id = useId();

  useEffect(() => onStatus(r.code, state.status), [r.code, state.status, onStatus]);
  // Follow the server's row when nothing local waits (a refetch, the other version taken in a conflict).
  useEffect(() => {
    if (state.draft || state.inflight || state.status === 'conflict') return;
    setText(valueToText(r.value));
    setNote(r.note ?? '');
    setCarried(r.carriedOver);
    // Only a new server version should overwrite the fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [r.version]);

  const parsed = parseTypedValue(ind.kind, text);
  const value: IndicatorValueInput = parsed.ok ? parsed.value : r.value;
  const editable = r.editable;
  const local = state.draft || state.inflight ? instantStatus(ind.kind, value, r.evaluation.target, ind.applicable) : null;
  const status = local ?? r.evaluation.status;
  const gap = !local ? gapWords(ind.kind, r.evaluation.gap, ind.unit, t, number) : null;

  const change = (nextText: string, nextNote: string, nextCarried: boolean) => {
    setText(nextText);
    setNote(nextNote);
    setCarried(nextCarried);
    const p = parseTypedValue(ind.kind, nextText);
    if (!p.ok) return;
    saver.edit({ value: p.value, note: nextNote.trim() === '' ? null : nextNote.trim(), carriedOver: nextCarried });
  };

  const invalid = !parsed.ok;
  const fieldError = invalid ? (ind.kind === 'verdict' ? t('criteria.value.notLabel') : t('criteria.value.notNumber')) : null;
  const lastYear = ind.lastYear && ind.lastYear.value !== null ? ind.lastYear : null;
  const valueLabel = ind.unit ? t('asm.valueWithUnit', { unit: ind.unit }) : t('asm.value');
  const hid = `${id}-h`;

  return (
    <li id={rowAnchor(ind.code)} className={`ar-row ar-${r.state}${state.status === 'conflict' ? ' ar-conflict' : ''}`} aria-labelledby={hid}>
      <div className="ar-head">
        <h3 id={hid} className="ar-code">
          {t('asm.indicatorN', { code: ind.code })}
        </h3>
        {r.state !== 'draft' ? <ResultStateBadge state={r.state} /> : null}
      </div>
      <p className="ar-wording">{ind.wording}</p>
      {r.state === 'returned' && r.returnReason ? (
        <div className="alert alert-warn ar-return" role="note">
          <p className="alert-title">
            <span aria-hidden="true">↩ </span>
            {t('asm.returnedBecause')}
          </p>
          <p className="pre-line">{r.returnReason}</p>
        </div>
      ) : null}

      <div className="ar-grid">
        <dl className="ar-target">
          <dt>{t('asm.target')}</dt>
          <dd>
            {ind.applicable === false ? (
              <span>{t('asm.notApplicableHere')}</span>
            ) : r.evaluation.target !== null ? (
              <strong>
                {comparator(ind.kind, Boolean(ind.scale))} {valueWords(r.evaluation.target, ind.unit, t, number)}
              </strong>
            ) : (
              <span>{t('criteria.value.none')}</span>
            )}{' '}
            <TargetStateBadge state={r.evaluation.targetState} />
          </dd>
        </dl>

        {editable ? (
          <div className={`field ar-value${invalid ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-v`} className="field-label">
              {valueLabel}
              <span className="sr-only"> ({t('asm.indicatorN', { code: ind.code })})</span>
            </label>
            {ind.kind === 'boolean' || (ind.kind === 'verdict' && ind.scale) ? (
              <select
                id={`${id}-v`}
                className="input ar-input"
                value={text}
                onChange={(e) => change(e.target.value, note, false)}
                onBlur={saver.flush}
              >
                <option value="">{t('criteria.value.notEntered')}</option>
                {ind.kind === 'boolean' ? (
                  <>
                    <option value="true">{t('common.yes')}</option>
                    <option value="false">{t('common.no')}</option>
                  </>
                ) : (
                  ind.scale!.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))
                )}
              </select>
            ) : (
              <input
                id={`${id}-v`}
                className="input ar-input"
                type="text"
                inputMode={ind.kind === 'verdict' ? 'text' : 'decimal'}
                autoComplete="off"
                value={text}
                placeholder={t('criteria.value.notEntered')}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${id}-err` : undefined}
                onChange={(e) => change(e.target.value, note, false)}
                onBlur={saver.flush}
              />
            )}
            {fieldError ? (
              <p id={`${id}-err`} className="field-error">
                <span aria-hidden="true">⚠ </span>
                {fieldError}
              </p>
            ) : null}
          </div>
        ) : (
          <dl className="ar-target">
            <dt>{t('asm.selfValue')}</dt>
            <dd>
              <strong>{valueWords(r.value, ind.unit, t, number)}</strong>
            </dd>
          </dl>
        )}
      </div>

      <p className="ar-status" aria-live="polite">
        <IndicatorStatusBadge status={status} />
        {gap ? <span className="ar-gap">{gap}</span> : null}
        {/* A row never saved says nothing about saving; once typed in, it always shows where its value is. */}
        {editable && (state.status !== 'saved' || state.savedAt) ? (
          <span className="ar-save">
            <SaveBadge status={state.status} />
            {state.status === 'saved' && state.savedAt && r.updatedBy ? (
              <span className="muted small"> {t('asm.save.savedBy', { name: r.updatedBy.name, time: dateTime(state.savedAt) })}</span>
            ) : null}
          </span>
        ) : null}
      </p>

      {editable && lastYear && !carried && valueToText(lastYear.value) !== text ? (
        <p className="ar-lastyear">
          <span>{t('asm.lastYear', { year: lastYear.year, value: valueWords(lastYear.value, ind.unit, t, number) })}</span>{' '}
          <Button size="small" onClick={() => change(valueToText(lastYear.value), note, true)}>
            {t('asm.useLastYear', { code: ind.code })}
          </Button>
        </p>
      ) : null}
      {carried ? (
        <p className="ar-carried">
          <StatusBadge tone="info" icon="↻">
            {t('asm.carriedOver', { year: ind.lastYear?.year ?? '' })}
          </StatusBadge>
        </p>
      ) : null}

      {state.status === 'error' && saver.error ? (
        <div className="ar-error">
          <ErrorMessage error={saver.error} title={t('asm.save.failedTitle', { code: ind.code })} onRetry={saver.flush} />
        </div>
      ) : null}
      {state.status === 'conflict' && state.conflict ? (
        <Conflict ind={ind} mine={state.draft?.value ?? null} theirs={state.conflict} onTheirs={saver.takeTheirs} onMine={saver.keepMine} />
      ) : null}

      {editable ? (
        <div className="field ar-note">
          <label htmlFor={`${id}-n`} className="field-label">
            {t('asm.note')} <span className="muted small">({t('common.optional')})</span>
          </label>
          <textarea
            id={`${id}-n`}
            className="input"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => change(text, e.target.value, carried)}
            onBlur={saver.flush}
          />
        </div>
      ) : r.note ? (
        <p className="ar-note-text pre-line">
          <span className="muted">{t('asm.note')}: </span>
          {r.note}
        </p>
      ) : null}

      <EvidenceList
        assessmentId={assessmentId}
        code={ind.code}
        unitId={unitId}
        files={r.evidence}
        editable={editable}
        onChange={(evidence) => qc.setQueryData<AssessmentForm>(assessmentKeys.form(assessmentId), (f) => patchForm(f, { ...r, evidence }))}
      />

      {Object.keys(r.verdicts).length > 0 ? (
        <ul className="ar-verdicts plain-list" aria-label={t('asm.verdictsOf', { code: ind.code })}>
          {Object.entries(r.verdicts).map(([step, v]) => (
            <li key={step}>
              <span className="muted">{stepLabels[step] ?? step}:</span> <VerdictBadge verdict={v.verdict} />
              {v.reason ? <span className="small"> — {v.reason}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A stale edit: someone saved this row first. Says who, when and what, and lets the person choose. */
function Conflict({ ind, mine, theirs, onTheirs, onMine }: { ind: FormIndicator; mine: IndicatorValueInput; theirs: IndicatorResult; onTheirs: () => void; onMine: () => void }) {
  const { t, number, dateTime } = useI18n();
  const who = theirs.updatedBy?.name ?? t('asm.conflict.someone');
  return (
    <div className="alert alert-error ar-conflict-box" role="alert">
      <p className="alert-title">
        <span aria-hidden="true">⚡ </span>
        {t('asm.conflict.title', { code: ind.code })}
      </p>
      <p>
        {t('asm.conflict.theirs', {
          name: who,
          time: theirs.updatedAt ? dateTime(theirs.updatedAt) : '—',
          value: valueWords(theirs.value, ind.unit, t, number),
        })}
      </p>
      {theirs.note ? <p className="small">{t('asm.conflict.theirNote', { note: theirs.note })}</p> : null}
      <p>{t('asm.conflict.mine', { value: valueWords(mine, ind.unit, t, number) })}</p>
      <div className="row-actions">
        <Button size="small" variant="primary" onClick={onMine}>
          {t('asm.conflict.keepMine')}
        </Button>
        <Button size="small" onClick={onTheirs}>
          {t('asm.conflict.takeTheirs')}
        </Button>
      </div>
    </div>
  );
}
