/** Every feature module's routes, each in its own encapsulated plugin. */
import type { App, Deps } from '../platform/http/types.js';
import { filesRoutes } from '../platform/files/files.routes.js';
import { activitiesRoutes } from './activities/activities.routes.js';
import { assessmentsRoutes } from './assessments/assessments.routes.js';
import { agenciesRoutes } from './agencies/agencies.routes.js';
import { assignmentsRoutes } from './assignments/assignments.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { criteriaRoutes } from './criteria/criteria.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { mapsRoutes } from './maps/maps.routes.js';
import { metaRoutes } from './meta/meta.routes.js';
import { obstaclesRoutes } from './obstacles/obstacles.routes.js';
import { plansRoutes } from './plans/plans.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { programmesRoutes } from './programmes/programmes.routes.js';
import { resourcesRoutes } from './resources/resources.routes.js';
import { signalsRoutes } from './signals/signals.routes.js';
import { targetsRoutes } from './targets/targets.routes.js';
import { unitsRoutes } from './units/units.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { valueImportRoutes } from './value-import/value-import.routes.js';

const modules = [
  metaRoutes,
  authRoutes,
  unitsRoutes,
  agenciesRoutes,
  usersRoutes,
  auditRoutes,
  criteriaRoutes,
  filesRoutes,
  assignmentsRoutes,
  activitiesRoutes,
  obstaclesRoutes,
  signalsRoutes,
  assessmentsRoutes,
  dashboardRoutes,
  targetsRoutes,
  plansRoutes,
  valueImportRoutes,
  programmesRoutes,
  resourcesRoutes,
  mapsRoutes,
  reportsRoutes,
];

export async function registerModules(app: App, deps: Deps): Promise<void> {
  for (const m of modules) await app.register(async (scope) => m(scope as unknown as App, deps));
}
