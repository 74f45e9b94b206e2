/** The database schema: one file per feature, re-exported here for Drizzle and drizzle-kit. */
export * from './units.js';
export * from './agencies.js';
export * from './users.js';
export * from './system.js';
export * from './criteria.js';
export * from './assistance.js';
export * from './assessments.js';
export * from './plans.js';
export * from './maps.js';
export * from './value-import.js';
export * from './resources.js';
