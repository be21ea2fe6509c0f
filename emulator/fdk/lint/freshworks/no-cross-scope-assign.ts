/**
 * no-cross-scope-assign (app files only, warning; message confirmed from FDK output,
 * platform.md §9.2): a `let`/`var` written from a function other than the one that declares
 * it — typically `let client; app.initialized().then((c) => { client = c; })` — may be read
 * before the callback ran. The declaration's own initialiser is not a cross-scope write.
 */
import type { Rule, Scope } from 'eslint';

function isLetOrVar(variable: Scope.Variable): boolean {
  return variable.defs.some((def) => def.type === 'Variable' && (def.parent.kind === 'let' || def.parent.kind === 'var'));
}

function crossScopeWrites(variable: Scope.Variable): Scope.Reference[] {
  const home = variable.scope.variableScope;
  return variable.references.filter(
    (reference) => reference.isWrite() && reference.init !== true && reference.from.variableScope !== home,
  );
}

export const noCrossScopeAssign: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Warn when a variable is assigned in a different function scope than it is declared in' },
    schema: [],
    messages: {
      crossScope: "'{{name}}' declared and assigned in different scopes. Possible asynchronous race condition.",
    },
  },
  create(context) {
    const report = (variable: Scope.Variable): void => {
      for (const reference of crossScopeWrites(variable)) {
        context.report({ node: reference.identifier, messageId: 'crossScope', data: { name: variable.name } });
      }
    };
    return {
      'Program:exit'() {
        const variables = context.sourceCode.scopeManager.scopes.flatMap((scope) => scope.variables);
        variables.filter(isLetOrVar).forEach(report);
      },
    };
  },
};
