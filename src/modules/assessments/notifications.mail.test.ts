import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type TestContext } from '../../test/app.js';
import { emailOf } from './notifications.service.js';

/** A tiny SMTP sink: accepts EHLO/MAIL/RCPT/DATA/QUIT, refuses recipients containing "bounce", keeps each message. */
interface Captured {
  rcpt: string[];
  data: string;
}
function smtpSink(): Promise<{ port: number; messages: Captured[]; close: () => Promise<void> }> {
  const messages: Captured[] = [];
  const server = net.createServer((socket) => {
    let buf = '';
    let inData = false;
    let rcpt: string[] = [];
    let data = '';
    const reply = (s: string) => socket.write(`${s}\r\n`);
    reply('220 sink ESMTP');
    socket.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buf.slice(0, end);
          buf = buf.slice(end + 5);
          inData = false;
          messages.push({ rcpt, data });
          rcpt = [];
          data = '';
          reply('250 queued');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') reply('250 sink');
        else if (cmd === 'MAIL') reply('250 ok');
        else if (cmd === 'RCPT') {
          const to = /<([^>]*)>/.exec(line)?.[1] ?? '';
          if (to.includes('bounce')) reply('550 no such user');
          else {
            rcpt.push(to);
            reply('250 ok');
          }
        } else if (cmd === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (cmd === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 ok');
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, messages, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** A header's value with RFC 2047 encoded words decoded (UTF-8, B or Q). */
function header(data: string, name: string): string {
  const unfolded = data.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const raw = new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1] ?? '';
  const bytes = raw
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('latin1')
        : text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The body, quoted-printable or base64 decoded, as UTF-8. */
function body(data: string): string {
  const [head, ...rest] = data.split('\r\n\r\n');
  const b = rest.join('\r\n\r\n');
  if (/content-transfer-encoding: base64/i.test(head!)) return Buffer.from(b, 'base64').toString('utf8');
  if (/content-transfer-encoding: quoted-printable/i.test(head!)) {
    const bytes = b.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(b, 'latin1').toString('utf8');
}

async function until<T>(fn: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

let sink: Awaited<ReturnType<typeof smtpSink>>;
const dirs: string[] = [];
const contexts: TestContext[] = [];

beforeAll(async () => {
  sink = await smtpSink();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await sink.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** An app (with these SMTP settings), a one-step cycle for one commune, reviewers with and without e-mail; submits. */
async function submitWith(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtqg-mail-'));
  dirs.push(dataDir);
  const t = await createTestContext({ MTQG_DATA_DIR: dataDir, ...env });
  contexts.push(t);
  const province = await t.unitId('10', '2024-06-01');
  const district = await t.unitId('082', '2024-06-01');
  const commune = await t.unitId('02710', '2024-06-01');
  const admin = await t.userClient({ roles: ['system_admin'] });
  const setId = (await admin.get('/api/criteria/sets?code=NTM_XA_2021_2025')).json().items[0].id as string;
  const agency = (await admin.post('/api/agencies', { name: 'Văn phòng Điều phối (thư)', kind: 'coordination_office', unitId: province })).json().id as string;
  const office = await t.userClient({ roles: ['province_office'], scopeUnitIds: [province], agencyId: agency });
  const officer = await t.userClient({ roles: ['commune_officer'], scopeUnitIds: [commune] });
  const withMail = await t.userClient({ roles: ['district_reviewer'], scopeUnitIds: [district] });
  const bouncing = await t.userClient({ roles: ['district_reviewer'], scopeUnitIds: [district] });
  const noMail = await t.userClient({ roles: ['district_reviewer'], scopeUnitIds: [district] });
  await t.db.execute(sql`update app_user set email = 'huyen.thamtra@example.vn' where id = ${withMail.user.id}`);
  await t.db.execute(sql`update app_user set email = 'bounce@example.vn' where id = ${bouncing.user.id}`);
  const cycle = await office.post('/api/cycles', {
    setId,
    year: 2024,
    name: 'Đánh giá 2024 (thư)',
    deadlines: { submit: '2024-10-31', steps: { district: '2024-11-15' } },
    reviewChain: [{ key: 'district', level: 'district', label: 'Huyện thẩm tra', routing: 'unit_parent' }],
    communes: { kind: 'units', withinUnitId: district, unitIds: [commune] },
  });
  expect(cycle.statusCode, cycle.body).toBe(201);
  const a = (await officer.get(`/api/assessments?cycleId=${cycle.json().id}`)).json().items[0];
  const sub = await officer.post(`/api/assessments/${a.id}/submit`, { expectedVersion: a.version });
  expect(sub.statusCode, sub.body).toBe(200);
  const notes = () =>
    queryRows<{ user_id: string; emailed_at: Date | null }>(t.db, sql`select user_id, emailed_at from notification where assessment_id = ${a.id}`);
  return { t, withMail, bouncing, noMail, notes };
}

describe('notification e-mail', () => {
  it('mails each new notification to its recipient after commit when SMTP is configured, in Vietnamese', async () => {
    const before = sink.messages.length;
    const s = await submitWith({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_FROM: 'mtqg@example.vn' });
    const msg = await until(() => sink.messages.slice(before).find((m) => m.rcpt.includes('huyen.thamtra@example.vn')));
    expect(msg.rcpt).toEqual(['huyen.thamtra@example.vn']);
    expect(header(msg.data, 'To')).toBe('huyen.thamtra@example.vn');
    expect(header(msg.data, 'From')).toBe('mtqg@example.vn');
    expect(header(msg.data, 'Subject')).toMatch(/^\[MTQG\] Hồ sơ tự đánh giá chờ thẩm tra — Xã /);
    const text = body(msg.data);
    expect(text).toContain(`Kính gửi Người dùng ${s.withMail.user.login},`);
    expect(text).toContain('đã gửi hồ sơ tự đánh giá 2024');
    expect(text).toContain('Hạn xử lý: 15/11/2024');
    // emailed_at records the sent one only: the refused address and the user without e-mail stay unmarked
    const rows = await until(async () => {
      const r = await s.notes();
      return r.find((n) => n.user_id === s.withMail.user.id)?.emailed_at ? r : undefined;
    });
    expect(rows).toHaveLength(3);
    await until(async () => ((await s.notes()).find((n) => n.user_id === s.bouncing.user.id)?.emailed_at === null ? true : undefined));
    expect(rows.find((n) => n.user_id === s.noMail.user.id)?.emailed_at).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.messages.slice(before).filter((m) => m.rcpt.some((x) => x.includes('bounce')))).toEqual([]);
    expect(sink.messages.slice(before)).toHaveLength(1);
  });

  it('sends nothing without SMTP configuration (the in-app notifications are still written)', async () => {
    const before = sink.messages.length;
    const s = await submitWith({});
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.length).toBe(before);
    const rows = await s.notes();
    expect(rows).toHaveLength(3);
    expect(rows.every((n) => n.emailed_at === null)).toBe(true);
  });

  it('a dead SMTP server neither fails the request nor marks the notification', async () => {
    const dead = net.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', () => r()));
    const port = (dead.address() as net.AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r())); // nothing listens there now
    const s = await submitWith({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) });
    await new Promise((r) => setTimeout(r, 300));
    expect((await s.notes()).every((n) => n.emailed_at === null)).toBe(true);
  });

  it('writes the subject and text in Vietnamese (pure)', () => {
    const m = emailOf({ kind: 'assessment_returned', title: 'Huyện thẩm tra trả lại 2 chỉ tiêu', due_date: '2024-10-31', user_name: 'Nguyễn Văn A', unit_name: 'Xã Bản Vược' });
    expect(m.subject).toBe('[MTQG] Hồ sơ đánh giá bị trả lại để bổ sung — Xã Bản Vược');
    expect(m.text).toContain('Hạn xử lý: 31/10/2024');
  });
});
