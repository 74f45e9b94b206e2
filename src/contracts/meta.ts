/** Contracts of health and metadata endpoints. */
import { z } from 'zod';

export const healthResponse = z.object({
  ok: z.boolean(),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  demo: z.boolean(),
});
