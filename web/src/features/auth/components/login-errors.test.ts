import { describe, expect, it } from 'vitest';
import { toApiError } from '../../../lib/api.js';
import { loginErrorText } from './login-errors.js';

const now = new Date('2025-06-30T07:00:00Z');
const err = (status: number, code: string, details?: object) => toApiError(status, { code, message: 'server text', requestId: 'r', details });

describe('loginErrorText', () => {
  it('says wrong password plainly', () => {
    expect(loginErrorText(err(401, 'UNAUTHENTICATED'), 'vi', now).text).toMatch(/^Sai tên đăng nhập hoặc mật khẩu/);
  });
  it('says until when an account is locked', () => {
    expect(loginErrorText(err(423, 'ACCOUNT_LOCKED', { retryAfterSec: 900 }), 'vi', now).text).toContain('Thử lại sau 15 phút (lúc 14:15)');
    expect(loginErrorText(err(423, 'ACCOUNT_LOCKED', { lockedUntil: '2025-06-30T07:30:00Z' }), 'vi', now).text).toContain('lúc 14:30');
    expect(loginErrorText(err(423, 'ACCOUNT_LOCKED'), 'vi', now).text).toMatch(/tạm khóa/);
  });
  it('says when to retry after rate limiting', () => {
    expect(loginErrorText(err(429, 'RATE_LIMITED', { retryAfterSec: 60 }), 'vi', now).text).toContain('1 phút');
  });
});
