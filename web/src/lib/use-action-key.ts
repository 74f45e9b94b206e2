/** One ActionKeys per form: a user action keeps its idempotency key while it is retried. */
import { useState } from 'react';
import { ActionKeys } from './idempotency.js';

export function useActionKeys(): ActionKeys {
  const [keys] = useState(() => new ActionKeys());
  return keys;
}
