/** Fastify types for mtqg: the Zod type provider and the request state the plumbing attaches. */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Actor, RequestCtx } from '../context.js';
import type { Database, Db } from '../db/client.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every module's routes and services are given. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
}

export interface SessionState {
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionState | null;
    ctx: RequestCtx;
  }
}
