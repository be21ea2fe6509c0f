/**
 * no-deprecated-apis [U: the FDK does not document this rule; semantics inferred from the
 * name, platform.md §9.2]. We flag only traces of the removed Platform 2.x request API that
 * no-proxy-requests (which owns the `.get/.post/…` calls themselves) does not see:
 *
 * - an `isOAuth` option key: 2.x passed it to `client.request.get(url, { isOAuth: true })`;
 *   in 3.0 OAuth is declared on the template (`options.oauth` in config/requests.json);
 * - `<%= iparam.x %>`, `<%= access_token %>`, `<%= encode(…) %>` placeholders inside code:
 *   3.0 substitutes them only in config/requests.json, so in code they go out verbatim.
 *
 * Current APIs (`client.request.invoke`, `$db`, `renderData(…)`, `client.data.get(…)`) are
 * deliberately not flagged.
 */
import type { Rule } from 'eslint';
import type { NodeOf } from './ast';

const placeholder = /<%=\s*(iparam\.|access_token\b|encode\()/;

function keyName(node: NodeOf<'Property'>): string | undefined {
  const { key } = node;
  if (!node.computed && key.type === 'Identifier') return key.name;
  return key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
}

function templateText(node: NodeOf<'TemplateLiteral'>): string {
  return node.quasis.map((quasi) => quasi.value.raw).join('');
}

export const noDeprecatedApis: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow leftovers of the removed Platform 2.x request API' },
    schema: [],
    messages: {
      isOAuth:
        "'isOAuth' belongs to the removed Platform 2.x request API. Declare OAuth on the request template (options.oauth) instead.",
      placeholder:
        "'<%= … %>' placeholders in code belong to the removed Platform 2.x request API. Use them in config/requests.json templates only.",
    },
  },
  create(context) {
    return {
      Property(node) {
        if (node.parent.type === 'ObjectExpression' && keyName(node) === 'isOAuth') {
          context.report({ node: node.key, messageId: 'isOAuth' });
        }
      },
      Literal(node) {
        if (typeof node.value === 'string' && placeholder.test(node.value)) {
          context.report({ node, messageId: 'placeholder' });
        }
      },
      TemplateLiteral(node) {
        if (placeholder.test(templateText(node))) context.report({ node, messageId: 'placeholder' });
      },
    };
  },
};
