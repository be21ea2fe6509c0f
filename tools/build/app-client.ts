/**
 * The platform replaces `{{{appclient}}}` when it serves a page; the client must load before
 * our bundle so `window.app` exists when the bundle runs (platform.md §7.1, §10.3).
 */
export const APP_CLIENT_TAG = '<script src="{{{appclient}}}"></script>';

export class AppClientTagError extends Error {}

export function checkAppClientFirst(page: string, html: string): void {
  const tag = html.indexOf(APP_CLIENT_TAG);
  if (tag < 0) throw new AppClientTagError(`${page}: the literal ${APP_CLIENT_TAG} is missing`);
  const firstOther = html.search(/<script(?![^>]*\{\{\{appclient\}\}\})/);
  if (firstOther >= 0 && firstOther < tag) {
    throw new AppClientTagError(`${page}: ${APP_CLIENT_TAG} must come before every other script`);
  }
}
