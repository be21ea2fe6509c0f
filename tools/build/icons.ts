import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Crayons' default icon library resolves every icon to a CDN at an unpinned tag (B6). The app
 * serves them itself: the build rewrites that one constant in Crayons' icon module to a folder
 * beside the bundle, and copies the icons there from `crayons-icons/` (see its README).
 */

/** The constant in @freshworks/crayons 4.2.0 (`dist/components/icon.js`). */
export const CRAYONS_ICON_CDN = 'https://cdn.jsdelivr.net/npm/@freshworks/crayons-icon@next/dist/icons';

/** Where the icons go in the built app, beside the bundles. */
export const ICON_DIR = 'icons';

/** The copied icons, with their licence and provenance. */
export const ICON_SOURCE = join(__dirname, 'crayons-icons');

const ICON_MODULE = /[\\/]@freshworks[\\/]crayons[\\/]dist[\\/]components[\\/]icon\.js$/;

// The folder of the chunk that holds this code, at run time: the bundles and `icons/` sit
// side by side in assets/, wherever the platform serves the app from.
const LOCAL_ICON_PATH = `String(import.meta.url).replace(/[^/]*$/, '') + '${ICON_DIR}'`;

export class IconBuildError extends Error {}

/** Crayons' icon module with its CDN path replaced by the app's own icon folder. */
export function rewriteIconModule(code: string): string {
  const literal = `'${CRAYONS_ICON_CDN}'`;
  if (!code.includes(literal)) {
    throw new IconBuildError(`Crayons' icon module no longer holds ${literal}: check how this Crayons version finds its icons before upgrading`);
  }
  return code.split(literal).join(LOCAL_ICON_PATH);
}

/** The Vite plugin: Crayons icons from the app itself. */
export function crayonsIconsFromApp(): Plugin {
  return {
    name: 'companion:crayons-icons-from-app',
    enforce: 'pre',
    transform(code, id) {
      return ICON_MODULE.test(id) ? { code: rewriteIconModule(code), map: null } : null;
    },
  };
}

/** The icon names the app ships (`calendar` for `calendar.svg`). */
export function shippedIcons(source = ICON_SOURCE): string[] {
  return readdirSync(source)
    .filter((name) => name.endsWith('.svg'))
    .map((name) => name.replace(/\.svg$/, ''))
    .sort();
}

/** Copies the icons into the built app's assets folder (`<appOut>/assets/icons`). */
export function copyIcons(appOut: string, source = ICON_SOURCE): void {
  const target = join(appOut, 'assets', ICON_DIR);
  mkdirSync(target, { recursive: true });
  for (const name of shippedIcons(source)) cpSync(join(source, `${name}.svg`), join(target, `${name}.svg`));
}
