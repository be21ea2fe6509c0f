/**
 * Names of the installation parameters the automations and webhooks read; the settings page
 * (config/iparams.html) saves the same names with the same defaults (test/unit/
 * settings-page.test.ts keeps the two in step).
 */
export const AUTOMATION_IPARAMS = {
  dealWonEnabled: 'deal_won_enabled',
  dealWonTasks: 'deal_won_tasks',
  dealWonLifecycleStage: 'deal_won_lifecycle_stage',
  dealLostEnabled: 'deal_lost_enabled',
  dealLostTask: 'deal_lost_task',
  hygieneEnabled: 'contact_hygiene_enabled',
  phoneCountry: 'phone_default_country',
  webhookHost: 'webhook_host',
  webhookPath: 'webhook_path',
  webhookSecret: 'webhook_secret',
  webhookEvents: 'webhook_events',
  webhookMaxAttempts: 'webhook_max_attempts',
} as const;

/**
 * What an absent parameter means: the defaults the settings page offers.
 * The platform sends every parameter the page saved; an app updated with new parameters may
 * run before an admin saves them, and then these apply.
 */
export const AUTOMATION_DEFAULTS = {
  [AUTOMATION_IPARAMS.dealWonEnabled]: true,
  [AUTOMATION_IPARAMS.dealWonTasks]: 'Send a welcome pack | 1; Book the kickoff call | 3',
  [AUTOMATION_IPARAMS.dealWonLifecycleStage]: 'Customer',
  [AUTOMATION_IPARAMS.dealLostEnabled]: true,
  [AUTOMATION_IPARAMS.dealLostTask]: '',
  [AUTOMATION_IPARAMS.hygieneEnabled]: true,
  [AUTOMATION_IPARAMS.phoneCountry]: '',
  [AUTOMATION_IPARAMS.webhookHost]: '',
  [AUTOMATION_IPARAMS.webhookPath]: '/',
  [AUTOMATION_IPARAMS.webhookEvents]: ['deal.won', 'deal.created', 'contact.created', 'contact.list_added'],
  [AUTOMATION_IPARAMS.webhookMaxAttempts]: 8,
} as const;

/** "Title | days", several separated by `;` or new lines. The server re-checks what the page did. */
export const TASKS_PATTERN = '^\\s*(?:[^|;\\n]+\\|\\s*\\d{1,3}\\s*(?:[;\\n]\\s*[^|;\\n]+\\|\\s*\\d{1,3}\\s*)*[;\\n]?\\s*)?$';
export const ONE_TASK_PATTERN = '^\\s*(?:[^|;\\n]+\\|\\s*\\d{1,3}\\s*)?$';
/** ISO 3166-1 alpha-2, or empty. */
export const COUNTRY_PATTERN = '^\\s*(?:[A-Za-z]{2})?\\s*$';
/** A public host name, no scheme, port, path or IP address (request templates, platform.md §5.1). */
export const WEBHOOK_HOST_PATTERN = '^\\s*(?:(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)?\\s*$';
export const WEBHOOK_PATH_PATTERN = '^\\s*(?:/[^\\s#]*)?\\s*$';
/** Standard Webhooks secrets: `whsec_` and 24 to 64 random bytes in Base64. */
export const WEBHOOK_SECRET_PATTERN = '^\\s*(?:whsec_[A-Za-z0-9+/]{32,86}={0,2})?\\s*$';
