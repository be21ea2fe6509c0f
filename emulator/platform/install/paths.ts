/** The emulator's settings routes (platform.md §8; `fdk run` serves its own at /custom_configs). */
export const SETTINGS_PATHS = {
  settings: '/__fdk/settings',
  uninstall: '/__fdk/uninstall',
  /** The app's config/iparams.html, shown in a frame of the settings page. */
  customPage: '/__fdk/settings/page',
  /** config/assets/*, where `./assets/` of iparams.html resolves from customPage. */
  assets: '/__fdk/settings/assets',
  formScript: '/__fdk/settings/form.js',
  customScript: '/__fdk/settings/custom.js',
} as const;

/** Where a successful install sends the browser: the contacts list, with a banner flag. */
export const AFTER_INSTALL_PATH = '/crm/sales/contacts?fdk_notice=installed';
