/**
 * Small AST helpers shared by the Freshworks rules. Node types are derived from ESLint's own
 * typings: the hoisted `@types/estree` in node_modules is an old 0.0.x copy pulled in by
 * another package, so importing `estree` directly would give mismatched types.
 */
import { builtinModules } from 'node:module';
import type { Rule } from 'eslint';

export type NodeOf<T extends Rule.Node['type']> = Extract<Rule.Node, { type: T }>;
/** Any expression (or `super`) as it appears below a node, without a `parent` link. */
export type Expr = NodeOf<'MemberExpression'>['object'];
export type Arg = NodeOf<'CallExpression'>['arguments'][number];

type Unchained = Exclude<Expr, { type: 'ChainExpression' }>;

/** `a?.b()` wraps the chain in a ChainExpression; the rules look through it. */
export function unwrapChain(node: Expr): Unchained {
  return node.type === 'ChainExpression' ? node.expression : node;
}

type Member = Extract<Expr, { type: 'MemberExpression' }>;

function propertyName(member: Member): string | undefined {
  const { property } = member;
  if (!member.computed) {
    return property.type === 'Identifier' ? property.name : undefined;
  }
  return property.type === 'Literal' && typeof property.value === 'string' ? property.value : undefined;
}

/** The root of a chain: a name, `this`, or `()` for anything computed (a call result, …). */
function rootName(node: Unchained): string {
  if (node.type === 'Identifier') return node.name;
  return node.type === 'ThisExpression' ? 'this' : '()';
}

/**
 * Names along a member chain: `client.request.invokeTemplate` → ['client', 'request',
 * 'invokeTemplate']. Undefined when a link is dynamic (`a[b]`), so rules never guess.
 */
export function memberChain(node: Expr): string[] | undefined {
  const names: string[] = [];
  let current = unwrapChain(node);
  while (current.type === 'MemberExpression') {
    const name = propertyName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrapChain(current.object);
  }
  return [rootName(current), ...names];
}

/** The chain of what is called: `$db.set(…)` → ['$db', 'set']. */
export function calleeChain(node: { callee: Expr }): string[] | undefined {
  return memberChain(node.callee);
}

/** True when `chain` ends with `suffix`; '*' in the suffix matches any name. */
export function endsWith(chain: readonly string[], suffix: readonly string[]): boolean {
  const offset = chain.length - suffix.length;
  return offset >= 0 && suffix.every((name, i) => name === '*' || name === chain[offset + i]);
}

export function sameChain(chain: readonly string[] | undefined, expected: readonly string[]): boolean {
  return chain !== undefined && chain.length === expected.length && endsWith(chain, expected);
}

/** The value of a string literal or an expression-free template literal. */
export function staticString(node: Arg | Expr): string | undefined {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The module named by `require('x')` (plain identifier callee, one static argument). */
export function requiredModule(node: NodeOf<'CallExpression'>): string | undefined {
  const [first] = node.arguments;
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || first === undefined) {
    return undefined;
  }
  return staticString(first);
}

/** The module named by `import('x')`. */
export function importedModule(node: NodeOf<'ImportExpression'>): string | undefined {
  return staticString(node.source);
}

/** npm package of a specifier: 'lodash/get' → 'lodash', '@scope/pkg/x' → '@scope/pkg'. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  return parts.slice(0, count).join('/');
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

const builtins = new Set(builtinModules);

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(packageName(specifier));
}

export interface PromiseLink {
  name: 'then' | 'catch' | 'finally';
  args: Arg[];
  object: Expr;
}

const promiseMethods = new Set(['then', 'catch', 'finally']);

/** `x.then(…)`, `x.catch(…)`, `x.finally(…)` as one link of a promise chain. */
export function promiseLink(node: Expr): PromiseLink | undefined {
  const call = unwrapChain(node);
  if (call.type !== 'CallExpression') return undefined;
  const callee = unwrapChain(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const name = propertyName(callee);
  if (name === undefined || !promiseMethods.has(name)) return undefined;
  return { name: name as PromiseLink['name'], args: call.arguments, object: callee.object };
}

/** The rejection handler of a link, if it has one: `.catch(h)` or `.then(f, h)`. */
export function rejectionHandler(link: PromiseLink): Arg | undefined {
  if (link.name === 'catch') return link.args[0];
  return link.name === 'then' ? link.args[1] : undefined;
}
