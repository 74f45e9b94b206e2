/** The only reader of process.env: validated once at start, failing fast with a readable message. */
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  MTQG_DATA_DIR: z.string().default('./data'),
  MTQG_DEMO: bool.optional(),
  MTQG_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  MTQG_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  MTQG_TRUST_PROXY: bool.default(false),
  MTQG_SECURE_COOKIES: bool.optional(),
  MTQG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Unset → embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Demo mode: demo data on first start and demo accounts on the login page. */
  demo: boolean;
  session: { idleMinutes: number; maxHours: number; secureCookies: boolean };
  trustProxy: boolean;
  logLevel: string;
  smtp: { host: string; port: number; user?: string; password?: string; from: string } | null;
}

/** Parse and validate configuration from an environment; throws an Error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const smtp = e.SMTP_HOST
    ? {
        host: e.SMTP_HOST,
        port: e.SMTP_PORT ?? 587,
        ...(e.SMTP_USER ? { user: e.SMTP_USER } : {}),
        ...(e.SMTP_PASSWORD ? { password: e.SMTP_PASSWORD } : {}),
        from: e.SMTP_FROM ?? 'mtqg@localhost',
      }
    : null;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.MTQG_DATA_DIR),
    demo: e.MTQG_DEMO ?? !e.DATABASE_URL,
    session: {
      idleMinutes: e.MTQG_SESSION_IDLE_MINUTES,
      maxHours: e.MTQG_SESSION_MAX_HOURS,
      secureCookies: e.MTQG_SECURE_COOKIES ?? false,
    },
    trustProxy: e.MTQG_TRUST_PROXY,
    logLevel: e.MTQG_LOG_LEVEL,
    smtp,
  };
}
