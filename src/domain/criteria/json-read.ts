// Tiny typed readers for parsed JSON. They throw with the JSON path on a shape error, so a changed reference file
// fails the import loudly instead of producing a half-empty criteria set.

/** A JSON object as a plain record. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Read an object at `path`. */
export function obj(v: unknown, path: string): JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${path}: expected an object`);
  return v as JsonObject;
}

/** Read an array at `path`. */
export function arr(v: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(v)) throw new Error(`${path}: expected an array`);
  return v;
}

/** Read a string at `path`. */
export function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new Error(`${path}: expected a string`);
  return v;
}

/** Read a string or null/absent. */
export function optStr(v: unknown, path: string): string | null {
  return v === undefined || v === null ? null : str(v, path);
}

/** Read a finite number at `path`. */
export function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${path}: expected a number`);
  return v;
}

/** Read a boolean, treating absent as false (the reference files omit `verified` only where nothing is verified). */
export function flag(v: unknown, path: string): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new Error(`${path}: expected true/false`);
  return v;
}

/** Read one string or a list of strings as a list (the files use both forms for sources). */
export function strList(v: unknown, path: string): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  return arr(v, path).map((s, i) => str(s, `${path}[${i}]`));
}
