/**
 * no-dependency-mismatch (server files only): a server file may require only local modules and
 * the npm packages declared in manifest.json `dependencies` (platform.md §2.3). Node built-ins
 * get their own message: their availability in the sandbox is undocumented [U], so they are
 * still an error. Options: `[{ dependencies: string[] }]`, the declared package names.
 */
import type { Rule } from 'eslint';
import { importedModule, isNodeBuiltin, isRelativeSpecifier, packageName, requiredModule } from './ast';

interface Problem {
  messageId: 'undeclared' | 'builtin';
  name: string;
}

function declaredDependencies(options: readonly unknown[]): Set<string> {
  const first: unknown = options[0];
  if (typeof first !== 'object' || first === null || !('dependencies' in first)) return new Set();
  const { dependencies } = first;
  return new Set(Array.isArray(dependencies) ? dependencies.filter((d) => typeof d === 'string') : []);
}

function problem(specifier: string | undefined, declared: ReadonlySet<string>): Problem | undefined {
  if (specifier === undefined || isRelativeSpecifier(specifier)) return undefined;
  if (isNodeBuiltin(specifier)) return { messageId: 'builtin', name: specifier };
  const name = packageName(specifier);
  return declared.has(name) ? undefined : { messageId: 'undeclared', name };
}

export const noDependencyMismatch: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Require only packages declared in manifest.json dependencies' },
    schema: [
      {
        type: 'object',
        properties: { dependencies: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      undeclared: "'{{name}}' is not declared in manifest.json dependencies",
      builtin:
        "'{{name}}' is a Node.js built-in module; the platform does not document built-in modules for serverless apps",
    },
  },
  create(context) {
    const declared = declaredDependencies(context.options);
    const check = (node: Rule.Node, specifier: string | undefined): void => {
      const found = problem(specifier, declared);
      if (found !== undefined) context.report({ node, messageId: found.messageId, data: { name: found.name } });
    };
    return {
      CallExpression: (node) => check(node, requiredModule(node)),
      ImportExpression: (node) => check(node, importedModule(node)),
    };
  },
};
