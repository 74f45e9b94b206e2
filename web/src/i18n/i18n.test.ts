import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { loadLang, placeholders, translate } from './translate.js';
import { assessmentsNavVi } from './parts/assessments-nav.vi.js';
import { assessmentsVi } from './parts/assessments.vi.js';
import { assistanceVi } from './parts/assistance.vi.js';
import { vi as mainVi } from './vi.js';

// The entry's dictionary and the parts loaded with their pages.
const vi = { ...mainVi, ...assistanceVi, ...assessmentsVi, ...assessmentsNavVi };

describe('dictionaries', () => {
  it('has every Vietnamese key in English, and no extra English key', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(viKeys.filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in vi))).toEqual([]);
  });

  it('has no empty text', () => {
    for (const [k, v] of [...Object.entries(vi), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = (Object.keys(vi) as (keyof typeof vi)[]).filter(
      (k) => placeholders(vi[k]).join() !== placeholders(en[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('vi', 'home.welcome', { name: 'Lò Văn A' })).toBe('Xin chào, Lò Văn A');
    expect(translate('vi', 'home.welcome')).toBe('Xin chào, {name}');
  });

  it('finds the text of a lazily loaded part once it is imported', () => {
    expect(translate('vi', 'nav.assistance')).toBe('Giúp đỡ xã');
    expect(translate('vi', 'obs.status.in_progress')).toBe('Đang xử lý');
  });

  it('falls back to Vietnamese until English is loaded, then uses English', async () => {
    expect(translate('en', 'nav.units')).toBe('Đơn vị hành chính');
    await loadLang('en');
    expect(translate('en', 'nav.units')).toBe('Administrative units');
    expect(translate('en', 'list.range', { from: 1, to: 50, total: 234 })).toBe('1–50 of 234');
  });
});
