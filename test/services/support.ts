import type { Result } from '../../common/models/result';

/** The value of a service call that must succeed; a failure throws with its kind and message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}
