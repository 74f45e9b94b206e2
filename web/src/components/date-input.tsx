/**
 * A date field typed as dd/MM/yyyy in both languages. A text input rather than <input type=date>,
 * whose format follows the browser's locale and cannot be made dd/MM/yyyy everywhere.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { formatDate, parseDisplayDate } from '../lib/format.js';
import { Field } from './field.js';

interface Props {
  label: string;
  /** YYYY-MM-DD or null (with passInvalid, also the text of a date that does not parse). */
  value: string | null;
  onChange: (iso: string | null) => void;
  /**
   * Forms: pass text that is not a date on to the form, so that submitting runs it through the
   * contract (z.iso.date) and reports it, instead of silently keeping the previous date.
   * Filters leave it off: only real dates reach the URL.
   */
  passInvalid?: boolean;
  error?: string | undefined;
  /** Help under the label; null for none (filters, where the placeholder says enough). */
  hint?: string | null;
  required?: boolean;
  className?: string;
}

export function DateInput({ label, value, onChange, passInvalid, error, hint, required, className }: Props) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(() => formatDate(value, lang));
  const [invalid, setInvalid] = useState(false);

  // Follow changes made elsewhere (quick-date buttons, URL), but not while the text means the same date.
  useEffect(() => {
    setText((cur) => (parseDisplayDate(cur) === value ? cur : formatDate(value, lang)));
    setInvalid(false);
  }, [value, lang]);

  const commit = () => {
    const s = text.trim();
    if (s === '') {
      setInvalid(false);
      if (value !== null) onChange(null);
      return;
    }
    const iso = parseDisplayDate(s);
    setInvalid(iso === null);
    if (iso) {
      setText(formatDate(iso, lang));
      if (iso !== value) onChange(iso);
    }
  };

  return (
    <Field label={label} hint={hint === null ? undefined : (hint ?? t('date.hint'))} error={invalid ? t('date.invalid') : error} required={required} className={className}>
      {(c) => (
        <input
          {...c}
          className="input input-date"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('date.placeholder')}
          value={text}
          onChange={(e) => {
            const s = e.target.value;
            setText(s);
            const iso = parseDisplayDate(s);
            // Clear the error while typing, so it does not vanish under the pointer on the way to "Lưu".
            if (iso || s.trim() === '') setInvalid(false);
            if (iso) {
              if (iso !== value) onChange(iso);
            } else if (s.trim() === '') {
              if (passInvalid && value !== null) onChange(null);
            } else if (passInvalid && s !== value) {
              onChange(s);
            }
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
    </Field>
  );
}
