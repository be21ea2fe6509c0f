/**
 * no-unhandled-promise [U: semantics inferred from the name, platform.md §9.2]: every promise
 * from a platform API must be handled. Flags an expression statement that
 *
 * - calls a platform async API (matched on the end of the callee's property chain, so
 *   `client.request.invokeTemplate` and `this.client.request.invokeTemplate` both count) and
 *   is not awaited, returned or assigned (those are not expression statements of a call) and
 *   has no `.then(…, onRejected)`, `.catch(…)` or `.finally(…)` in its chain; or
 * - is any `.then(onFulfilled)` chain with no rejection handler anywhere in the chain.
 *
 * `void promise` is treated as unhandled: `void` discards the promise but not its rejection,
 * and we emulate the stricter reading of an undocumented rule.
 */
import type { Rule } from 'eslint';
import { calleeChain, endsWith, promiseLink, rejectionHandler, unwrapChain, type Expr } from './ast';

const platformAsyncApis: ReadonlyArray<readonly string[]> = [
  ['$request', 'invokeTemplate'],
  ['$request', 'invoke'],
  ...['set', 'get', 'update', 'delete'].map((m) => ['$db', m]),
  ...['create', 'fetch', 'update', 'delete'].map((m) => ['$schedule', m]),
  ['generateTargetUrl'],
  ['request', 'invokeTemplate'],
  ['request', 'invoke'],
  ['data', 'get'],
  ['interface', 'trigger'],
  ['iparams', 'get'],
  // client.db has the same API as $db (platform.md §6.1); db.entity(…) is synchronous.
  ...['set', 'get', 'update', 'delete'].map((m) => ['db', m]),
];

interface ChainSummary {
  root: Expr;
  sawThen: boolean;
  handled: boolean;
}

/** Walks `root.then(…).catch(…)…` from the outside in. */
function summarise(expression: Expr): ChainSummary {
  let current = expression;
  let sawThen = false;
  let handled = false;
  for (let link = promiseLink(current); link !== undefined; link = promiseLink(current)) {
    sawThen ||= link.name === 'then';
    handled ||= link.name === 'finally' || rejectionHandler(link) !== undefined;
    current = link.object;
  }
  return { root: current, sawThen, handled };
}

function withoutVoid(expression: Expr): Expr {
  return expression.type === 'UnaryExpression' && expression.operator === 'void' ? expression.argument : expression;
}

/** 'client.request.invokeTemplate' when the root calls a platform async API. */
function platformApi(root: Expr): string | undefined {
  const call = unwrapChain(root);
  if (call.type !== 'CallExpression') return undefined;
  const chain = calleeChain(call);
  if (chain === undefined || !platformAsyncApis.some((api) => endsWith(chain, api))) return undefined;
  return chain.join('.');
}

export const noUnhandledPromise: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Require handling of promises returned by platform APIs' },
    schema: [],
    messages: {
      platform:
        "The promise returned by '{{api}}' is not handled. Await it, return it, or add a rejection handler (.catch).",
      chain: 'This promise chain has no rejection handler. Add .catch(…) or a second argument to .then(…).',
    },
  },
  create(context) {
    return {
      ExpressionStatement(node) {
        const { root, sawThen, handled } = summarise(withoutVoid(node.expression));
        if (handled) return;
        const api = platformApi(root);
        if (api !== undefined) context.report({ node, messageId: 'platform', data: { api } });
        else if (sawThen) context.report({ node, messageId: 'chain' });
      },
    };
  },
};
