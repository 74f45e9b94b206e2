/** A labelled form field: label, hint and error wired to the control with ids and aria attributes. */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n/index.js';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  required: boolean | undefined;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Wraps any control; pass the given props to the control element. */
export function Field({ label, hint, error, required, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {/* The control's `required` tells screen readers; the star is for the eye only. */}
        {required ? (
          <span className="field-required" aria-hidden="true">
            {' '}*
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        'aria-describedby': [errId, hintId].filter(Boolean).join(' ') || undefined,
        'aria-invalid': error ? true : undefined,
        required,
      })}
      {error ? (
        <p id={errId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<FieldProps, 'children'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'required' | 'className'>;
/** A text input with its label. */
export function TextField({ label, hint, error, required, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(c) => <input className="input" {...input} {...c} />}
    </Field>
  );
}

type TextAreaFieldProps = Omit<FieldProps, 'children'> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'required' | 'className'>;
/** A multi-line text input with its label. */
export function TextAreaField({ label, hint, error, required, className, ...input }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(c) => <textarea className="input" rows={3} {...input} {...c} />}
    </Field>
  );
}

type SelectFieldProps = Omit<FieldProps, 'children'> &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'required' | 'className'> & {
    options: readonly { value: string; label: string }[];
  };
/** A native select with its label (native: it is the most usable on phones and for screen readers). */
export function SelectField({ label, hint, error, required, className, options, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(c) => (
        <select className="input" {...select} {...c}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface CheckboxGroupProps<V extends string> {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
}
/** A multi-choice as a fieldset of checkboxes: plain, keyboard and screen-reader friendly. */
export function CheckboxGroup<V extends string>({ legend, hint, error, required, options, value, onChange }: CheckboxGroupProps<V>) {
  const { t } = useI18n();
  const id = useId();
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`field fieldset${error ? ' field-invalid' : ''}`} aria-describedby={describedBy}>
      <legend className="field-label">
        {legend}
        {required ? (
          <span className="field-required">
            <span aria-hidden="true"> *</span>
            <span className="sr-only"> ({t('common.required')})</span>
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-list">
        {options.map((o, i) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              aria-invalid={error && i === 0 ? true : undefined}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-err`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
