/** Reading a chosen file for a JSON upload. */

/** The file's bytes as base64 (chunked: String.fromCharCode(...) on megabytes would overflow the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The base64 length of n bytes. */
export const base64Length = (n: number) => Math.ceil(n / 3) * 4;
