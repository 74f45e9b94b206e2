/** Contracts of login, logout and the current session. */
import { z } from 'zod';
import { id } from './common.js';
import { role, scopeUnit } from './users.js';

export const loginBody = z.object({
  login: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

/** What the UI may show; computed on the server from roles and scope. */
export const navAbilities = z.object({
  units: z.boolean(),
  criteria: z.boolean(),
  agencies: z.boolean(),
  users: z.boolean(),
  audit: z.boolean(),
  /** Helping communes: assignments, activities, obstacles. */
  assistance: z.boolean(),
  inbox: z.boolean(),
  signals: z.boolean(),
  /** Assessments (issue 4): cycles, forms, reviews, commune profiles. */
  assessments: z.boolean(),
  /** The yearly maintenance review of recognised communes. */
  maintenance: z.boolean(),
  /** Dashboards (issue 7): figures of the year for the units in scope. */
  dashboard: z.boolean(),
  /** Resources mobilised per commune and the programme catalog (issue 6). */
  resources: z.boolean(),
  /** Standard reports and their .xlsx/.docx exports (issue 7). */
  reports: z.boolean(),
  /** Plans and targets (issue 6): target lists with at-risk communes, commune plans. */
  plans: z.boolean(),
  /** Maps (issue 7): the commune choropleth, or tiles without boundaries. */
  map: z.boolean(),
});

export const sessionInfo = z.object({
  user: z.object({
    id,
    login: z.string(),
    name: z.string(),
    roles: z.array(role),
    agencyName: z.string().nullable(),
    /** The user's scope units (their predecessors' history and everything below them are visible too). */
    scope: z.array(scopeUnit),
  }),
  csrfToken: z.string(),
  expiresAt: z.string(),
  idleTimeoutSec: z.number().int(),
  abilities: z.object({
    nav: navAbilities,
    /** Creation buttons: not tied to an existing entity, so they live on the session. */
    create: z.object({
      agency: z.boolean(),
      user: z.boolean(),
      criteriaImport: z.boolean(),
      assignment: z.boolean(),
      activity: z.boolean(),
      obstacle: z.boolean(),
      /** Open an assessment cycle. */
      cycle: z.boolean(),
      /** Draw up a province target list (issue 6). */
      targetList: z.boolean(),
      /** Draw up a commune plan (issue 6; the commune's officers for their commune). */
      plan: z.boolean(),
      /** Import a cycle's indicator values from Excel (issue 7; commune officers, the steering office). */
      valueImport: z.boolean(),
    }),
  }),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const demoAccounts = z.object({
  enabled: z.boolean(),
  accounts: z.array(z.object({ login: z.string(), password: z.string(), role, description: z.string() })),
});
export type DemoAccounts = z.infer<typeof demoAccounts>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});
