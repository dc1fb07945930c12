/** Bad input from the user (a missing file, a garbage diff): the CLI prints the message and exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}
