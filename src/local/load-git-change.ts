import { parseDiff } from '../diff/index.js';
import type { DiffFile } from '../diff/types.js';
import type { ContentPort } from '../review/ports.js';
import { gitRevisionContents, workingTreeContents } from './git-contents.js';
import { InputError } from './input-error.js';
import { GitError, runGit } from './run-git.js';

export interface GitChange {
  files: DiffFile[];
  contents: ContentPort;
  /** The repository's top-level folder. */
  root: string;
  /** What was compared, for messages: "main...feature" or "main...(working tree)". */
  range: string;
}

/**
 * The change `git diff BASE...HEAD` shows (three dots: since the merge base, as GitHub compares a pull
 * request), with new contents read from HEAD, or, without `head`, the working tree against the merge base.
 */
export async function loadGitChange(cwd: string, base: string, head?: string): Promise<GitChange> {
  let root: string;
  try {
    root = (await runGit(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  } catch {
    throw new InputError(`not inside a git repository: ${cwd} (run argus review --base from a clone, or use --diff FILE)`);
  }
  await verifyRef(root, base, '--base');
  if (head !== undefined) await verifyRef(root, head, '--head');

  const diffArgs = ['diff', '--no-color', '--no-ext-diff', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/'];
  let diffText: string;
  try {
    if (head !== undefined) {
      diffText = (await runGit([...diffArgs, `${base}...${head}`], root)).toString('utf8');
    } else {
      const mergeBase = (await runGit(['merge-base', base, 'HEAD'], root)).toString('utf8').trim();
      diffText = (await runGit([...diffArgs, mergeBase], root)).toString('utf8');
    }
  } catch (err) {
    if (err instanceof GitError) throw new InputError(err.message);
    throw err;
  }
  const files = parseDiff(diffText);
  const wanted = files.filter((f) => f.status !== 'deleted').map((f) => f.path);
  const contents = head !== undefined ? await gitRevisionContents(root, head, wanted) : workingTreeContents(root);
  return { files, contents, root, range: `${base}...${head ?? '(working tree)'}` };
}

async function verifyRef(root: string, ref: string, flag: string): Promise<void> {
  try {
    await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  } catch {
    throw new InputError(`${flag} ${ref} is not a commit in this repository (try a branch name, a tag or a SHA; fetch it first if it is remote)`);
  }
}
