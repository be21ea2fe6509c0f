/**
 * no-proxy-requests: the Platform 2.x proxy request API (`client.request.get/post/…`,
 * `$request.get/post/…`) is removed in 2.3+; the runtime answers "post is no longer supported
 * in Request API" (platform.md §2.2). Requests go through request templates instead.
 */
import type { Rule } from 'eslint';
import { calleeChain } from './ast';

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * The removed method called, if this is `$request.<method>(…)` or `<x>.request.<method>(…)`.
 * A bare `request.get(…)` is the npm `request` package, which no-non-client-request-model owns.
 */
function proxyMethod(chain: readonly string[] = []): string | undefined {
  const [object, method = ''] = chain.slice(-2);
  const isProxy = object === '$request' || (object === 'request' && chain.length > 2);
  return isProxy && methods.has(method) ? method : undefined;
}

export const noProxyRequests: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow the removed Platform 2.x proxy request API' },
    schema: [],
    messages: {
      proxy:
        '{{method}} is no longer supported in Request API. Declare a request template in config/requests.json and call it with invokeTemplate.',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const method = proxyMethod(calleeChain(node));
        if (method !== undefined) context.report({ node, messageId: 'proxy', data: { method } });
      },
    };
  },
};
