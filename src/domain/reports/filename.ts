/** Download names: a Vietnamese-safe Content-Disposition (RFC 6266 + RFC 5987) with an ASCII fallback. */

/** Strip Vietnamese diacritics (đ → d) and anything outside a safe ASCII file-name alphabet. */
export function asciiFileName(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return plain.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '') || 'bao-cao';
}

/** RFC 5987 ext-value encoding of a UTF-8 string (attr-char kept, everything else percent-encoded). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="Bao_cao_2024.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%202024.xlsx` */
export function contentDisposition(fileName: string): string {
  const clean = fileName.replace(/[\r\n"\\/]+/g, ' ').trim() || 'bao-cao';
  return `attachment; filename="${asciiFileName(clean)}"; filename*=UTF-8''${rfc5987(clean)}`;
}
