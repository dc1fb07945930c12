import { z } from 'zod';
import { SEVERITIES } from '../../findings/finding.js';

const SEVERITY_LIST = SEVERITIES.join(', ');

/** A severity threshold written in the config file, e.g. `min_severity: medium`. */
export const severitySettingSchema = z.enum(SEVERITIES, {
  error: `expected a severity (${SEVERITY_LIST})`,
});

/** `"off"` or a severity: used by `fail_on` and by per-rule overrides. */
export const SEVERITY_OR_OFF = ['off', ...SEVERITIES] as const;

/** A severity, or `"off"` to disable the thing it applies to. */
export const severityOrOffSchema = z.enum(SEVERITY_OR_OFF, {
  error: `expected "off" or a severity (${SEVERITY_LIST})`,
});
/** `"off"` or a severity, as written in `fail_on` and `rules`. */
export type SeverityOrOff = z.infer<typeof severityOrOffSchema>;
