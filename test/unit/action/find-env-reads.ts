import ts from 'typescript';

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
// `process.env`, `env`, `io.env`, `appEnv`, `services.env`: anything whose last name ends in "env".
const ENV_HOLDER = /env$/i;

/**
 * Names of environment variables that a TypeScript source reads, found on its syntax tree (so comments and
 * strings that merely mention `process.env.X` do not count):
 * - `<holder>.NAME` and `<holder>['NAME']`, where the holder's last name ends in "env";
 * - `const { NAME } = <holder>`;
 * - upper-case keys of object literals under a variable whose name contains "env" (`envSchema = z.object({...})`).
 */
export function findEnvReads(sourceText: string, fileName = 'source.ts'): string[] {
  const file = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();

  const visit = (node: ts.Node, underEnvVariable: boolean): void => {
    if (ts.isPropertyAccessExpression(node) && isEnvHolder(node.expression) && ENV_NAME.test(node.name.text)) {
      names.add(node.name.text);
    }
    if (ts.isElementAccessExpression(node) && isEnvHolder(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) {
      if (ENV_NAME.test(node.argumentExpression.text)) names.add(node.argumentExpression.text);
    }
    let under = underEnvVariable;
    if (ts.isVariableDeclaration(node)) {
      if (ts.isObjectBindingPattern(node.name) && node.initializer !== undefined && isEnvHolder(node.initializer)) {
        for (const element of node.name.elements) {
          const key = element.propertyName ?? element.name;
          if ((ts.isIdentifier(key) || ts.isStringLiteral(key)) && ENV_NAME.test(key.text)) names.add(key.text);
        }
      }
      if (ts.isIdentifier(node.name) && /env/i.test(node.name.text)) under = true;
    }
    if (under && ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && ENV_NAME.test(node.name.text)) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, (child) => visit(child, under));
  };
  visit(file, false);
  return [...names].sort();
}

function isEnvHolder(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return ENV_HOLDER.test(node.text);
  if (ts.isPropertyAccessExpression(node)) return ENV_HOLDER.test(node.name.text);
  return false;
}
