import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A function that runs a full garbage collection, without starting node with --expose-gc (npm scripts run
 * `tsx` plainly). Setting the flag at run time exposes `gc` to contexts created afterwards.
 */
export function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
