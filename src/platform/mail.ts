/** The mailer interface: a no-op when SMTP is not configured (sending over SMTP is not implemented yet). */
import type { Config } from '../config.js';

export interface Mailer {
  /** Whether mail actually leaves the process. */
  readonly enabled: boolean;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

const noop: Mailer = { enabled: false, send: async () => {} };

/** The mailer for this configuration (today always the no-op; an SMTP transport plugs in here). */
export function mailerFor(config: Pick<Config, 'smtp'>): Mailer {
  return config.smtp ? noop : noop;
}
