/**
 * no-logging-rejections [U: semantics inferred from the name, platform.md §9.2]: a rejection
 * handler that only logs swallows the error (server logs are invisible for public apps,
 * platform.md §2.8). Flags `.catch(h)` and `.then(f, h)` where `h` is `console.x` itself, or a
 * function whose body does nothing but call `console.*`.
 */
import type { Rule } from 'eslint';
import { memberChain, promiseLink, rejectionHandler, type Arg, type Expr } from './ast';

function isConsoleMember(node: Arg | Expr): boolean {
  if (node.type !== 'MemberExpression') return false;
  const chain = memberChain(node);
  return chain?.length === 2 && chain[0] === 'console';
}

function isConsoleCall(node: Expr): boolean {
  return node.type === 'CallExpression' && isConsoleMember(node.callee);
}

type Body = Extract<Arg, { type: 'ArrowFunctionExpression' }>['body'];

function bodyOnlyLogs(body: Body): boolean {
  if (body.type !== 'BlockStatement') return isConsoleCall(body);
  return (
    body.body.length > 0 &&
    body.body.every((statement) => statement.type === 'ExpressionStatement' && isConsoleCall(statement.expression))
  );
}

function onlyLogs(handler: Arg): boolean {
  if (handler.type === 'ArrowFunctionExpression' || handler.type === 'FunctionExpression') {
    return bodyOnlyLogs(handler.body);
  }
  return isConsoleMember(handler);
}

export const noLoggingRejections: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow rejection handlers that only log the error' },
    schema: [],
    messages: {
      onlyLogs:
        'This rejection handler only logs the error. Handle it: tell the user, return a fallback, or rethrow.',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const link = promiseLink(node);
        const handler = link === undefined ? undefined : rejectionHandler(link);
        if (handler !== undefined && onlyLogs(handler)) context.report({ node: handler, messageId: 'onlyLogs' });
      },
    };
  },
};
