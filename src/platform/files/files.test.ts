import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, dataFingerprint, type Client, type TestContext } from '../../test/app.js';
import { multipartFile, samples } from '../../test/multipart.js';
import { sniffMime } from './files.sniff.js';

let t: TestContext;
let tmp: string;
let inUnit: string;
let outUnit: string;
let officer: Client;
let outsider: Client;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-files-'));
  t = await createTestContext({ MTQG_DATA_DIR: tmp });
  inUnit = await t.unitId('02683', '2025-07-01'); // Xã Bát Xát
  outUnit = await t.unitId('02680', '2025-07-01'); // Xã Hợp Thành
  officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [inUnit] });
  outsider = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [outUnit] });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const upload = (c: Client, unitId: string, content: Buffer, name = 'anh.png') => {
  const m = multipartFile(content, name);
  return c.post(`/api/files?unitId=${unitId}`, m.body, m.headers);
};

describe('type sniffing (pure)', () => {
  it('recognises JPEG, PNG, WebP and PDF by their first bytes, and nothing else', () => {
    expect(sniffMime(samples.jpeg)).toBe('image/jpeg');
    expect(sniffMime(samples.png)).toBe('image/png');
    expect(sniffMime(samples.webp)).toBe('image/webp');
    expect(sniffMime(samples.pdf)).toBe('application/pdf');
    expect(sniffMime(samples.text)).toBeNull();
    expect(sniffMime(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(sniffMime(new Uint8Array())).toBeNull();
  });
});

describe('POST /api/files and GET /api/files/:id', () => {
  it('stores a file under its sha256 outside the web root and streams it back with its sniffed type', async () => {
    const res = await upload(officer, inUnit, samples.pdf, 'bien-ban.png'); // the name lies; the bytes decide
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    const sha = createHash('sha256').update(samples.pdf).digest('hex');
    expect(f).toMatchObject({ sha256: sha, mime: 'application/pdf', size: samples.pdf.length, originalName: 'bien-ban.png', unitId: inUnit });
    expect(f.url).toBe(`/api/files/${f.id}`);
    expect(fs.readFileSync(path.join(tmp, 'uploads', sha.slice(0, 2), sha))).toEqual(samples.pdf);
    const got = await officer.get(f.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload).toEqual(samples.pdf);
    // the same content again: a second record, one copy on disk
    const again = (await upload(officer, inUnit, samples.pdf)).json();
    expect(again.id).not.toBe(f.id);
    expect(fs.readdirSync(path.join(tmp, 'uploads', sha.slice(0, 2)))).toEqual([sha]);
  });

  it('accepts JPEG, PNG and WebP and refuses other types with a Vietnamese VALIDATION message', async () => {
    for (const [k, mime] of [['jpeg', 'image/jpeg'], ['png', 'image/png'], ['webp', 'image/webp']] as const) {
      expect((await upload(officer, inUnit, samples[k])).json().mime).toBe(mime);
    }
    const before = await dataFingerprint(t.db);
    const res = await upload(officer, inUnit, samples.text, 'anh.jpg');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', message: 'Chỉ nhận tệp ảnh JPEG, PNG, WebP hoặc tài liệu PDF' });
    expect(await dataFingerprint(t.db)).toBe(before);
    expect(fs.readdirSync(path.join(tmp, 'uploads', 'tmp'))).toEqual([]); // the refused upload left nothing behind
  });

  it('refuses a file over 15 MB with PAYLOAD_TOO_LARGE', async () => {
    const big = Buffer.concat([samples.png, Buffer.alloc(15 * 1024 * 1024, 7)]);
    const res = await upload(officer, inUnit, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(fs.readdirSync(path.join(tmp, 'uploads', 'tmp'))).toEqual([]);
  });

  it('answers 401 without a session, 403 for a read-only role or a unit out of scope, 404 for a file out of scope', async () => {
    expect((await upload(t.anon, inUnit, samples.png)).statusCode).toBe(401);
    const viewer = await t.userClient({ roles: ['viewer'], scopeUnitIds: [inUnit] });
    expect((await upload(viewer, inUnit, samples.png)).statusCode).toBe(403);
    expect((await upload(officer, outUnit, samples.png)).json().code).toBe('FORBIDDEN');
    const f = (await upload(officer, inUnit, samples.png)).json();
    expect((await viewer.get(f.url)).statusCode).toBe(200);
    const hidden = await outsider.get(f.url);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('NOT_FOUND');
    expect((await t.anon.get(f.url)).statusCode).toBe(401);
    expect((await officer.get('/api/files/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses a request that is not multipart', async () => {
    const res = await officer.post(`/api/files?unitId=${inUnit}`, { a: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });
});

describe('GET /api/files/:id/thumbnail', () => {
  it('stores a WebP thumbnail of a photo (longest side ≤ 320 px) and serves it in scope only', async () => {
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c00' } }).jpeg().toBuffer();
    const png = await sharp({ create: { width: 300, height: 1000, channels: 4, background: '#0c0' } }).png().toBuffer();
    for (const [content, w, h] of [[jpeg, 320, 240], [png, 96, 320]] as const) {
      const res = await upload(officer, inUnit, content, 'anh.jpg');
      expect(res.statusCode, res.body).toBe(201);
      const f = res.json();
      expect(f.thumbnailUrl).toBe(`/api/files/${f.id}/thumbnail`);
      expect(fs.existsSync(path.join(tmp, 'uploads', 'thumbs', `${f.sha256}.webp`))).toBe(true);
      const got = await officer.get(f.thumbnailUrl);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/webp');
      const meta = await sharp(got.rawPayload).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([w, h]);
      expect((await outsider.get(f.thumbnailUrl)).statusCode).toBe(404);
      expect((await t.anon.get(f.thumbnailUrl)).statusCode).toBe(401);
    }
  });

  it('has no thumbnail for a PDF, an undecodable image or an unknown id (404)', async () => {
    const pdf = (await upload(officer, inUnit, samples.pdf, 'bien-ban.pdf')).json();
    expect(pdf.thumbnailUrl).toBeNull();
    const res = await officer.get(`/api/files/${pdf.id}/thumbnail`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    const broken = await upload(officer, inUnit, samples.png); // only the magic bytes: uploads, but no thumbnail
    expect(broken.statusCode).toBe(201);
    expect((await officer.get(broken.json().thumbnailUrl)).statusCode).toBe(404);
    expect((await officer.get('/api/files/00000000-0000-4000-8000-000000000000/thumbnail')).statusCode).toBe(404);
  });
});
