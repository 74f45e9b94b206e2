/**
 * Plain-language messages for the validation failures people meet in forms ("required", "at least 3
 * characters"), in front of zod's own locale, whose wording ("mong đợi string") is for developers.
 */
import type { z } from 'zod';
import type { Lang } from './lang.js';

type LocaleError = (issue: z.core.$ZodRawIssue) => string | { message: string } | undefined | null;

const text = {
  vi: {
    required: 'Vui lòng nhập hoặc chọn giá trị.',
    minChars: (n: number) => `Cần ít nhất ${n} ký tự.`,
    maxChars: (n: number) => `Tối đa ${n} ký tự.`,
    minItems: (n: number) => `Chọn ít nhất ${n} mục.`,
    maxItems: (n: number) => `Chọn tối đa ${n} mục.`,
    email: 'Email không đúng định dạng, ví dụ ten@laocai.gov.vn.',
    date: 'Ngày không hợp lệ.',
    choice: 'Vui lòng chọn một giá trị trong danh sách.',
  },
  en: {
    required: 'Please enter or choose a value.',
    minChars: (n: number) => `At least ${n} characters.`,
    maxChars: (n: number) => `At most ${n} characters.`,
    minItems: (n: number) => `Choose at least ${n}.`,
    maxItems: (n: number) => `Choose at most ${n}.`,
    email: 'Not a valid email address, e.g. name@laocai.gov.vn.',
    date: 'Not a valid date.',
    choice: 'Please choose a value from the list.',
  },
} as const;

/** A localeError that words the common cases and leaves the rest to zod's locale (`fallback`). */
export function friendlyLocaleError(lang: Lang, fallback: LocaleError): LocaleError {
  const m = text[lang];
  return (issue) => {
    const missing = issue.input === undefined || issue.input === null || issue.input === '';
    switch (issue.code) {
      case 'invalid_type':
      case 'invalid_union':
        if (missing) return m.required;
        break;
      case 'invalid_value':
        return missing ? m.required : m.choice;
      case 'too_small':
        if (issue.origin === 'string') return missing || Number(issue.minimum) <= 1 ? m.required : m.minChars(Number(issue.minimum));
        if (issue.origin === 'array') return m.minItems(Number(issue.minimum));
        break;
      case 'too_big':
        if (issue.origin === 'string') return m.maxChars(Number(issue.maximum));
        if (issue.origin === 'array') return m.maxItems(Number(issue.maximum));
        break;
      case 'invalid_format':
        if (issue.format === 'email') return m.email;
        if (issue.format === 'date') return missing ? m.required : m.date;
        break;
      default:
        break;
    }
    return fallback(issue);
  };
}
