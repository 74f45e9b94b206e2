/** Contracts of the user administration endpoints. */
import { z } from 'zod';
import { id, NAME_MAX, page, pageQuery } from './common.js';

export const roles = [
  'system_admin',
  'province_office',
  'department_reviewer',
  'help_team',
  'district_reviewer',
  'commune_officer',
  'viewer',
] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const PASSWORD_MIN = 10;
export const password = z.string().min(PASSWORD_MIN).max(200);
export const login = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'Chỉ dùng chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang');

export const scopeUnit = z.object({ unitId: id, code: z.string().nullable(), name: z.string() });

export const user = z.object({
  id,
  login: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  agencyId: id.nullable(),
  agencyName: z.string().nullable(),
  roles: z.array(role),
  scope: z.array(scopeUnit),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  isDemo: z.boolean(),
  abilities: z.object({ canEdit: z.boolean(), canResetPassword: z.boolean() }),
});
export type User = z.infer<typeof user>;

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  agencyId: id.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
export const listUsersResponse = page(user);
export const userParams = z.object({ id });

export const createUserBody = z.object({
  login,
  name: z.string().trim().min(2).max(NAME_MAX),
  email: z.email().nullable().optional(),
  agencyId: id.nullable().optional(),
  roles: z.array(role).min(1),
  scopeUnitIds: z.array(id).max(500).default([]),
  password,
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    name: z.string().trim().min(2).max(NAME_MAX),
    email: z.email().nullable(),
    agencyId: id.nullable(),
    roles: z.array(role).min(1),
    scopeUnitIds: z.array(id).max(500),
    status: z.enum(['active', 'disabled']),
  })
  .partial();
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.object({ password });
