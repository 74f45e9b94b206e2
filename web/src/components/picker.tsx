/**
 * A search-and-choose field (ARIA 1.2 combobox + listbox) with the chosen items shown as removable
 * chips. The feature supplies `useOptions(query)`, which runs its own search query.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../lib/errors.js';
import { useDebouncedValue } from '../lib/use-debounced-value.js';

export interface PickerItem {
  id: string;
  label: string;
  detail?: string | undefined;
}

export interface PickerOptions {
  options: PickerItem[];
  loading: boolean;
  error: unknown;
}

interface Props {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  placeholder?: string;
  value: PickerItem[];
  onChange: (items: PickerItem[]) => void;
  multiple?: boolean;
  /** A hook: the options matching a (debounced) query of at least `minChars` characters. */
  useOptions: (query: string, enabled: boolean) => PickerOptions;
  minChars?: number;
}

export function Picker({ label, hint, error, required, placeholder, value, onChange, multiple, useOptions, minChars = 2 }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const debounced = useDebouncedValue(query.trim(), 250);
  const enabled = debounced.length >= minChars;
  const { options: found, loading, error: searchError } = useOptions(debounced, enabled);
  const chosen = new Set(value.map((v) => v.id));
  const options = enabled ? found.filter((o) => !chosen.has(o.id)) : [];
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const expanded = open && options.length > 0;
  const showInput = multiple || value.length === 0;

  const status = !open || query.trim().length === 0
    ? ''
    : query.trim().length < minChars
      ? t('picker.typeToSearch')
      : loading || debounced !== query.trim()
        ? t('picker.searching')
        : searchError
          ? describeError(searchError, lang).text
          : options.length === 0
            ? t('picker.noResults')
            : '';

  const choose = (item: PickerItem) => {
    onChange(multiple ? [...value, item] : [item]);
    setQuery('');
    setOpen(false);
    setActive(-1);
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (options.length ? (a + 1) % options.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (options.length ? (a <= 0 ? options.length - 1 : a - 1) : -1));
    } else if (e.key === 'Enter') {
      const item = expanded && active >= 0 ? options[active] : undefined;
      if (item) {
        e.preventDefault();
        choose(item);
      }
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      } else if (query) {
        e.preventDefault();
        e.stopPropagation();
        setQuery('');
      }
    }
  };

  return (
    <div className={`field picker${error ? ' field-invalid' : ''}`}>
      {showInput ? (
        <label htmlFor={id} className="field-label">
          {label}
          {required ? <span className="field-required" aria-hidden="true"> *</span> : null}
        </label>
      ) : (
        <span className="field-label">{label}</span>
      )}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ul className="chips" aria-label={t('picker.chosen', { label })}>
          {value.map((v) => (
            <li key={v.id} className="chip">
              <span>
                {v.label}
                {v.detail ? <span className="chip-detail"> · {v.detail}</span> : null}
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('common.remove', { name: v.label })}
                onClick={() => {
                  onChange(value.filter((x) => x.id !== v.id));
                  inputRef.current?.focus();
                }}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {showInput ? (
        <div className="picker-box">
          <input
            ref={inputRef}
            id={id}
            className="input"
            type="search"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
            aria-describedby={[errId, hintId, statusId].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
            aria-required={required || undefined}
            placeholder={placeholder}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} role="listbox" className="picker-list" aria-label={t('picker.results')} hidden={!expanded}>
            {options.map((o, i) => (
              <li
                key={o.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={`picker-option${i === active ? ' is-active' : ''}`}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                <span className="picker-option-label">{o.label}</span>
                {o.detail ? <span className="picker-option-detail">{o.detail}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p id={statusId} className="field-hint picker-status" role="status">
        {status}
      </p>
      {error ? (
        <p id={errId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What a form passes to a picker supplied by another feature (pages compose features; features do not import each other). */
export interface PickerSlotProps {
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  value: PickerItem[];
  onChange: (items: PickerItem[]) => void;
  multiple?: boolean;
}
export type PickerSlot = (props: PickerSlotProps) => ReactNode;
