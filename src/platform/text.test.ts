import { describe, expect, it } from 'vitest';
import { likeEscape, searchKey } from './text.js';

describe('searchKey', () => {
  it.each([
    ['Tả Phời', 'ta phoi'],
    ['Xã Đồng Tuyển', 'xa dong tuyen'],
    ['  Thị trấn   N.T Phong Hải ', 'thi tran n.t phong hai'],
    ['Mường Khương', 'muong khuong'],
    ['TÀ XI LÁNG', 'ta xi lang'],
  ])('%s → %s', (input, key) => expect(searchKey(input)).toBe(key));

  it('treats composed and decomposed Unicode alike', () => {
    expect(searchKey('Tả Phời'.normalize('NFD'))).toBe(searchKey('Tả Phời'.normalize('NFC')));
  });

  it('escapes LIKE wildcards', () => expect(likeEscape('50%_a\\b')).toBe('50\\%\\_a\\\\b'));
});
