/** A RuleTester with the FDK's parser settings: ES2020, server files as CommonJS. */
import { RuleTester } from 'eslint';

export const fdkRuleTester = (): RuleTester =>
  new RuleTester({ languageOptions: { ecmaVersion: 2020, sourceType: 'commonjs' } });

/** Per-case parser settings for ES module syntax (import declarations). */
export const asModule = { languageOptions: { ecmaVersion: 2020, sourceType: 'module' } } as const;
