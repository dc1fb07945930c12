/**
 * Formats `message` as a GitHub Actions `::error::` workflow command, which the runner shows as an annotation
 * on the run and its summary. Escapes `%`, CR and LF so a message cannot end the command early or start another
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
export function workflowError(message: string): string {
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::error title=Argus::${data}\n`;
}
