/** The mailer: SMTP through nodemailer when `config.smtp` is set, else a no-op that sends nothing. */
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface Mailer {
  /** Whether mail actually leaves the process. */
  readonly enabled: boolean;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

const noop: Mailer = { enabled: false, send: async () => {} };

/** The mailer for this configuration: SMTP (STARTTLS when the server offers it, TLS on port 465) or the no-op. */
export function mailerFor(config: Pick<Config, 'smtp'>): Mailer {
  const smtp = config.smtp;
  if (!smtp) return noop;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    // A dead relay must not hold requests' follow-up work for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    enabled: true,
    async send(m) {
      await transport.sendMail({ from: smtp.from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
