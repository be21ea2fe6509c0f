/** The Freshworks custom lint rules of FDK 10 (platform.md §9.2), as an ESLint plugin. */
import type { ESLint } from 'eslint';
import { noCrossScopeAssign } from './no-cross-scope-assign';
import { noDependencyMismatch } from './no-dependency-mismatch';
import { noDeprecatedApis } from './no-deprecated-apis';
import { noEmptyFunction } from './no-empty-function';
import { noLoggingRejections } from './no-logging-rejections';
import { noNonClientRequestModel } from './no-non-client-request-model';
import { noProxyRequests } from './no-proxy-requests';
import { noUnhandledPromise } from './no-unhandled-promise';
import { noUnpkgCdn } from './no-unpkg-cdn';

export const freshworks = {
  meta: { name: 'freshworks' },
  rules: {
    'no-unpkg-cdn': noUnpkgCdn,
    'no-proxy-requests': noProxyRequests,
    'no-unhandled-promise': noUnhandledPromise,
    'no-logging-rejections': noLoggingRejections,
    'no-non-client-request-model': noNonClientRequestModel,
    'no-deprecated-apis': noDeprecatedApis,
    'no-empty-function': noEmptyFunction,
    'no-cross-scope-assign': noCrossScopeAssign,
    'no-dependency-mismatch': noDependencyMismatch,
  },
} satisfies ESLint.Plugin;
