import { z } from 'zod';
import { categorySchema, severitySchema } from '../../findings/finding.js';
import { LANG_IDS } from './languages.js';

const matcherObject = z.record(z.string(), z.unknown());
const metavariable = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'expected a metavariable name without "$", like CMD' });

/**
 * One rule file of rules/ast-grep/<language>/: ast-grep's YAML rule format (id, language, severity, message,
 * note, rule, constraints, utils; https://ast-grep.github.io/reference/yaml.html) with Argus's fields under
 * `metadata`, which ast-grep itself ignores. `severity` is ast-grep's own scale and unused by Argus.
 */
export const langRuleFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a kebab-case rule id' }),
  language: z.enum(LANG_IDS),
  severity: z.enum(['error', 'warning', 'info', 'hint']),
  message: z.string().min(1),
  note: z.string().optional(),
  url: z.string().optional(),
  rule: matcherObject,
  constraints: z.record(z.string(), matcherObject).optional(),
  utils: z.record(z.string(), matcherObject).optional(),
  metadata: z.strictObject({
    /** The Argus rule id findings carry: the same as the JS rule for the same concern (`command-injection`). */
    'argus-rule': z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string().min(1),
    category: categorySchema,
    /** Severity when the value is traced to user input; one grade lower when it is not traced. */
    severity: severitySchema,
    /** The metavariable holding the dangerous value (command, SQL, URL...), whose origin is traced. */
    sink: metavariable,
    /** Report only when the sink is traced to user input (sinks like `open(path)` are everywhere). */
    'require-input': z.boolean().optional(),
    cwe: z.string().optional(),
  }),
});
/** A rule file as written, after validation. */
export type LangRuleFile = z.infer<typeof langRuleFileSchema>;

/** A shared utility rule of rules/ast-grep/<language>/utils/ (ast-grep's util file format). */
export const langUtilFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  language: z.enum(LANG_IDS),
  rule: matcherObject,
});
