/** The tool's display name in every format. */
export const TOOL_NAME = 'Argus';

/** Where users learn about Argus. Placeholder until the repository's final home is decided. */
export const TOOL_INFORMATION_URI = 'https://github.com/argus-review/argus';
