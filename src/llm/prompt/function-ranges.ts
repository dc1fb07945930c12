import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { astParseOptions } from '../../static/analyze-file.js';
import { traverse } from '../../static/traverse.js';

/** A function's line span in the new file, 1-based and inclusive. */
export interface LineRange {
  start: number;
  end: number;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'MethodDefinition']);

/**
 * The line spans of every function, method and arrow function in a JS/TS file, or null when the file does
 * not parse (the caller falls back to lines around the change). A method counts from its decorators'
 * and name's line, not only from its parameter list.
 */
export function functionRanges(path: string, text: string): LineRange[] | null {
  let ast: TSESTree.Program;
  try {
    ast = parse(text, astParseOptions(path));
  } catch {
    return null;
  }
  const ranges: LineRange[] = [];
  const noop = (): void => {};
  traverse(
    ast,
    (node) => {
      if (FUNCTION_TYPES.has(node.type)) ranges.push({ start: node.loc.start.line, end: node.loc.end.line });
    },
    noop,
  );
  return ranges;
}
