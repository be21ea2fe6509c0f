import { parse } from 'espree';
import type { AssignmentExpression, Node, ObjectExpression, Program, Property } from 'estree';

/**
 * Reads the handler names a server.js exports the way the FDK does: statically, from the
 * object literal assigned to the free variable `exports` (platform.md §2.1).
 */
export type ExportsScan =
  | { ok: true; functions: string[]; others: string[] }
  | { ok: false; reason: string };

const FUNCTION_TYPES = new Set(['FunctionExpression', 'ArrowFunctionExpression']);

function isExportsAssignment(node: Node): node is AssignmentExpression & { right: ObjectExpression } {
  return (
    node.type === 'AssignmentExpression' &&
    node.operator === '=' &&
    node.left.type === 'Identifier' &&
    node.left.name === 'exports' &&
    node.right.type === 'ObjectExpression'
  );
}

function isModuleExports(node: Node): boolean {
  return (
    node.type === 'AssignmentExpression' &&
    node.left.type === 'MemberExpression' &&
    node.left.object.type === 'Identifier' &&
    node.left.object.name === 'module'
  );
}

function keyName(property: Property): string | undefined {
  if (property.key.type === 'Identifier' && !property.computed) return property.key.name;
  if (property.key.type === 'Literal' && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}

function topLevelExpressions(program: Program): Node[] {
  return program.body.flatMap((statement) => (statement.type === 'ExpressionStatement' ? [statement.expression] : []));
}

function scanObject(object: ObjectExpression): ExportsScan {
  const functions: string[] = [];
  const others: string[] = [];
  for (const property of object.properties) {
    const name = property.type === 'Property' ? keyName(property) : undefined;
    if (name === undefined || property.type !== 'Property') continue;
    (FUNCTION_TYPES.has(property.value.type) ? functions : others).push(name);
  }
  return { ok: true, functions, others };
}

export function scanServerExports(code: string): ExportsScan {
  let program: Program;
  try {
    program = parse(code, { ecmaVersion: 2020, sourceType: 'script' }) as Program;
  } catch (error) {
    return { ok: false, reason: `Error while parsing file containing serverless functions: ${(error as Error).message}` };
  }
  const expressions = topLevelExpressions(program);
  const assignment = expressions.find(isExportsAssignment);
  if (assignment !== undefined) return scanObject(assignment.right);
  if (expressions.some(isModuleExports)) {
    return { ok: false, reason: 'server/server.js assigns module.exports; the platform reads `exports = { … }`' };
  }
  return { ok: false, reason: 'server/server.js does not assign its handlers with `exports = { … }`' };
}
