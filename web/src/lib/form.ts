/** Form helpers: zod issues and server field errors as one map from field path to message. */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** The first zod message per field path ("scopeUnitIds.2" also counts for "scopeUnitIds"). */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const path = i.path.map(String).join('.') || '_form';
    if (!(path in out)) out[path] = i.message;
    const top = String(i.path[0] ?? '_form');
    if (!(top in out)) out[top] = i.message;
  }
  return out;
}

/** Moves focus to the first invalid field of a form, after React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

/** '' → null, for optional text fields whose contract says "nullable". */
export function emptyToNull(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}
