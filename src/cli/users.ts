/** CLI user commands: the first administrator, and password resets when nobody can sign in. */
import type { Role } from '../contracts/users.js';
import { password as passwordSchema } from '../contracts/users.js';
import { recordAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/auth/password.js';
import { deleteUserSessions } from '../platform/auth/session.repo.js';
import { systemCtx } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { mutate } from '../platform/tx.js';
import { findUserForLogin } from '../modules/auth/auth.repo.js';
import { insertUser, setPassword } from '../modules/users/users.repo.js';

export async function createUserCli(db: Db, u: { login: string; name: string; roles: Role[]; password: string }): Promise<void> {
  const passwordHash = await hashPassword(passwordSchema.parse(u.password));
  await mutate(db, systemCtx(), async (tx) => {
    const id = await insertUser(tx, { login: u.login.toLowerCase(), name: u.name, email: null, agencyId: null, roles: u.roles, passwordHash });
    await recordAudit(tx, systemCtx(), { action: 'user.create', entityType: 'user', entityId: id, after: { login: u.login, roles: u.roles, via: 'cli' } });
  });
}

export async function resetPasswordCli(db: Db, login: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(passwordSchema.parse(password));
  await mutate(db, systemCtx(), async (tx) => {
    const user = await findUserForLogin(tx, login.toLowerCase());
    if (!user) throw new Error(`No user with login ${login}`);
    await setPassword(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
    await recordAudit(tx, systemCtx(), { action: 'user.password.reset', entityType: 'user', entityId: user.id, after: { login, via: 'cli' } });
  });
}
