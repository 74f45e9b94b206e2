import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { loadLang, placeholders, translate } from './translate.js';
import { vi as mainVi } from './vi.js';

// The entry's dictionary and every part loaded with its page (each parts/*.vi.ts exports one dictionary).
const parts = import.meta.glob<Record<string, Record<string, string>>>('./parts/*.vi.ts', { eager: true });
const vi: Record<string, string> = { ...mainVi };
for (const mod of Object.values(parts)) for (const dict of Object.values(mod)) Object.assign(vi, dict);

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
    const english: Record<string, string> = en;
    const mismatched = Object.keys(vi).filter(
      (k) => placeholders(vi[k]!).join() !== placeholders(english[k] ?? '').join(),
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
