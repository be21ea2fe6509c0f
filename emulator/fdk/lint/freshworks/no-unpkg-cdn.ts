/**
 * no-unpkg-cdn [U: semantics inferred from the name, platform.md §9.2]: app code must not load
 * anything from unpkg.com (unreviewable, mutable third-party code). Flags any string or
 * template literal that mentions the host.
 */
import type { Rule } from 'eslint';
import type { NodeOf } from './ast';

const unpkg = /unpkg\.com/i;

function templateText(node: NodeOf<'TemplateLiteral'>): string {
  return node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('');
}

export const noUnpkgCdn: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow loading code from the unpkg.com CDN' },
    schema: [],
    messages: {
      unpkg: 'Do not load code from unpkg.com; ship the library inside the app package.',
    },
  },
  create(context) {
    return {
      Literal(node) {
        if (typeof node.value === 'string' && unpkg.test(node.value)) {
          context.report({ node, messageId: 'unpkg' });
        }
      },
      TemplateLiteral(node) {
        if (unpkg.test(templateText(node))) context.report({ node, messageId: 'unpkg' });
      },
    };
  },
};
