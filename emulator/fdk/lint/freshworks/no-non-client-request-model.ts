/**
 * no-non-client-request-model [U: semantics inferred from the name, platform.md §9.2]: apps
 * must not open HTTP connections themselves; every outbound call goes through request
 * templates (platform.md §0.3, §2.3). Flags `fetch`, `XMLHttpRequest`, jQuery's ajax helpers
 * and loading the usual HTTP client modules.
 */
import type { Rule } from 'eslint';
import { calleeChain, importedModule, packageName, requiredModule, sameChain, staticString } from './ast';

const rawCalls: ReadonlyArray<readonly string[]> = [
  ['fetch'],
  ['window', 'fetch'],
  ['globalThis', 'fetch'],
  ['self', 'fetch'],
  // jQuery's ajax and its shorthands are the same raw request.
  ...['$', 'jQuery'].flatMap((root) => ['ajax', 'get', 'post', 'getJSON'].map((m) => [root, m])),
];
const rawConstructors: ReadonlyArray<readonly string[]> = [
  ['XMLHttpRequest'],
  ['window', 'XMLHttpRequest'],
];
const httpModules = new Set([
  'http',
  'https',
  'node:http',
  'node:https',
  'axios',
  'node-fetch',
  'got',
  'request',
  'superagent',
  'undici',
]);

function matching(chain: readonly string[] | undefined, list: ReadonlyArray<readonly string[]>): string | undefined {
  return list.find((expected) => sameChain(chain, expected))?.join('.');
}

function httpModule(specifier: string | undefined): string | undefined {
  if (specifier === undefined) return undefined;
  return httpModules.has(packageName(specifier)) ? packageName(specifier) : undefined;
}

export const noNonClientRequestModel: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow raw HTTP requests; use request templates' },
    schema: [],
    messages: {
      call: "'{{what}}' makes a raw HTTP request. Call external APIs through request templates (invokeTemplate).",
      module: "'{{what}}' is an HTTP client. Call external APIs through request templates (invokeTemplate).",
    },
  },
  create(context) {
    const report = (node: Rule.Node, messageId: string, what: string | undefined): void => {
      if (what !== undefined) context.report({ node, messageId, data: { what } });
    };
    return {
      CallExpression(node) {
        report(node, 'call', matching(calleeChain(node), rawCalls));
        report(node, 'module', httpModule(requiredModule(node)));
      },
      NewExpression(node) {
        report(node, 'call', matching(calleeChain(node), rawConstructors));
      },
      ImportExpression(node) {
        report(node, 'module', httpModule(importedModule(node)));
      },
      ImportDeclaration(node) {
        report(node, 'module', httpModule(staticString(node.source)));
      },
    };
  },
};
