/** Text helpers for Vietnamese: search keys that ignore diacritics and case. */

/** "Tả Phời" → "ta phoi"; đ/Đ → d; whitespace folded. Used for stored search columns and for queries. */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escape LIKE wildcards in user input. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
