import { VERSION } from '../cli/version.js';
import type { RenderContext } from '../render/context.js';
import { RULE_DOCS } from '../static/index.js';

/** How everything Argus posts on GitHub is rendered (the App, `--pr`, the Action): no colours, rule docs, version. */
export const GITHUB_RENDER_CONTEXT: RenderContext = { rules: RULE_DOCS, color: false, toolVersion: VERSION };
