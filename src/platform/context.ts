/** Who is acting, and from where: passed from routes to services for authorisation and audit. */
import type { Role } from '../contracts/users.js';

export interface Actor {
  id: string;
  login: string;
  name: string;
  roles: Role[];
  agencyId: string | null;
}

export interface IdempotencyClaim {
  userId: string;
  key: string;
  requestHash: string;
  /** Set once the mutation that claimed the key has committed. */
  claimed: boolean;
}

export interface RequestCtx {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  idempotency?: IdempotencyClaim;
}

/** The context of work done by the system itself (CLI, seeding). */
export function systemCtx(requestId = 'cli'): RequestCtx {
  return { actor: null, requestId, ip: null };
}
