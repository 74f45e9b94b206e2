import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodVi from 'zod/v4/locales/vi.js';
import { setAttributeBody } from '../../../src/contracts/units.js';
import { createUserBody } from '../../../src/contracts/users.js';
import { friendlyLocaleError } from './zod-messages.js';

const messages = (schema: z.ZodType, value: unknown) =>
  Object.fromEntries((schema.safeParse(value).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('form messages from the contracts', () => {
  afterAll(() => void z.config(zodEn()));

  it('words the common failures plainly in Vietnamese, and falls back to zod for the rest', () => {
    z.config({ localeError: friendlyLocaleError('vi', zodVi().localeError) });
    expect(messages(setAttributeBody, { key: 'region', validFrom: '2025-07-01', legalBasis: 'QĐ' })).toEqual({
      value: 'Vui lòng nhập hoặc chọn giá trị.',
      legalBasis: 'Cần ít nhất 3 ký tự.',
    });
    const m = messages(createUserBody, { login: 'ab', name: '', email: 'x', roles: [], password: 'short' });
    expect(m).toMatchObject({ login: 'Cần ít nhất 3 ký tự.', name: 'Vui lòng nhập hoặc chọn giá trị.', email: expect.stringMatching(/^Email không đúng/), roles: 'Chọn ít nhất 1 mục.', password: 'Cần ít nhất 10 ký tự.' });
    expect(messages(setAttributeBody, { key: 'nope', value: 1, validFrom: '2025-07-01', legalBasis: 'QĐ 1' }).key).toBe('Vui lòng chọn một giá trị trong danh sách.');
  });

  it('speaks English when the UI does', () => {
    z.config({ localeError: friendlyLocaleError('en', zodEn().localeError) });
    expect(messages(setAttributeBody, { key: 'region', validFrom: '2025-07-01', legalBasis: 'QĐ' }).legalBasis).toBe('At least 3 characters.');
  });
});
