/**
 * Freshworks' no-empty-function: same semantics as ESLint's core rule (platform.md §9.2 lists
 * it among the custom rules), so we delegate to the core implementation.
 */
import type { Rule } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';

function coreRule(): Rule.RuleModule {
  const rule = builtinRules.get('no-empty-function');
  if (rule === undefined) throw new Error('ESLint core rule no-empty-function is missing');
  return rule;
}

const core = coreRule();

export const noEmptyFunction: Rule.RuleModule = {
  meta: { ...core.meta, docs: { description: 'Disallow empty functions (ESLint core semantics)' } },
  create: (context) => core.create(context),
};
