import { base64Decode } from '../../../common/encoding';
import { DEFAULT_WEBHOOK_TYPES, isWebhookType, type WebhookType } from '../../../common/webhooks/types';
import { AUTOMATION_DEFAULTS, AUTOMATION_IPARAMS as P, COUNTRY_PATTERN, ONE_TASK_PATTERN, TASKS_PATTERN, WEBHOOK_HOST_PATTERN, WEBHOOK_PATH_PATTERN } from './iparams';

/**
 * What the admin configured, read from the installation parameters every invocation receives.
 * Each part is valid on its own or switched off with the reason: a wrong webhook secret must
 * not stop the deal-won tasks. onAppInstall refuses any problem; handlers log and skip.
 */
export interface TaskTemplate {
  title: string;
  dueInDays: number;
}

export interface DealWonSettings {
  enabled: boolean;
  tasks: TaskTemplate[];
  /** Lifecycle stage name to move the deal's contacts to; null leaves them. */
  lifecycleStage: string | null;
}

export interface DealLostSettings {
  enabled: boolean;
  task: TaskTemplate | null;
}

export interface HygieneSettings {
  enabled: boolean;
  /** ISO 3166-1 alpha-2, for phone numbers of contacts without a country. */
  defaultCountry: string | null;
}

export interface WebhookSettings {
  enabled: boolean;
  host: string;
  path: string;
  /** The signing key: the bytes the `whsec_` secret encodes. */
  key: Uint8Array;
  events: ReadonlySet<WebhookType>;
  maxAttempts: number;
}

export interface Settings {
  dealWon: DealWonSettings;
  dealLost: DealLostSettings;
  hygiene: HygieneSettings;
  webhooks: WebhookSettings;
  /** Each misconfiguration, naming the setting; empty when all is well. */
  problems: string[];
}

export const DEFAULT_MAX_ATTEMPTS = 8;
export const MAX_ATTEMPTS_LIMIT = 20;
const TITLE_MAX = 200;
const DAYS_MAX = 365;

type Iparams = Record<string, unknown>;

/** The parameter, or its default when the platform did not send it. */
function valueOf(iparams: Iparams, name: string): unknown {
  const value = iparams[name];
  return value === undefined ? (AUTOMATION_DEFAULTS as Record<string, unknown>)[name] : value;
}

const text = (iparams: Iparams, name: string): string => {
  const value = valueOf(iparams, name);
  return typeof value === 'string' ? value.trim() : '';
};

/** Checkboxes arrive as booleans; "true"/"false" strings are read too. Absent means the default. */
function flag(iparams: Iparams, name: string, fallback: boolean): boolean {
  const value = valueOf(iparams, name);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fallback;
}

function parseTask(part: string): TaskTemplate | string {
  const [title = '', days = ''] = part.split('|').map((piece) => piece.trim());
  const dueInDays = Number(days);
  if (title === '' || title.length > TITLE_MAX) return `a task title must have 1 to ${TITLE_MAX} characters ("${part.trim().slice(0, 40)}")`;
  if (!/^\d{1,3}$/.test(days) || dueInDays > DAYS_MAX) return `"${title.slice(0, 40)}" needs a due day count from 0 to ${DAYS_MAX}`;
  return { title, dueInDays };
}

/** "Welcome pack | 1; Kickoff | 3" → tasks, or the first problem. */
export function parseTasks(value: string, pattern = TASKS_PATTERN): TaskTemplate[] | string {
  if (!new RegExp(pattern).test(value)) return 'write tasks as "Title | days", separated by ";"';
  const parsed = value.split(/[;\n]/).filter((part) => part.trim() !== '').map(parseTask);
  const problem = parsed.find((item): item is string => typeof item === 'string');
  return problem ?? (parsed as TaskTemplate[]);
}

function dealWon(iparams: Iparams, problems: string[]): DealWonSettings {
  const tasks = parseTasks(text(iparams, P.dealWonTasks));
  const enabled = flag(iparams, P.dealWonEnabled, true);
  if (typeof tasks === 'string') problems.push(`${P.dealWonTasks}: ${tasks}`);
  const stage = text(iparams, P.dealWonLifecycleStage);
  return { enabled: enabled && typeof tasks !== 'string', tasks: typeof tasks === 'string' ? [] : tasks, lifecycleStage: stage === '' ? null : stage };
}

function dealLost(iparams: Iparams, problems: string[]): DealLostSettings {
  const tasks = parseTasks(text(iparams, P.dealLostTask), ONE_TASK_PATTERN);
  if (typeof tasks === 'string') problems.push(`${P.dealLostTask}: ${tasks}`);
  const task = typeof tasks === 'string' ? null : (tasks[0] ?? null);
  return { enabled: flag(iparams, P.dealLostEnabled, true) && typeof tasks !== 'string', task };
}

function hygiene(iparams: Iparams, problems: string[]): HygieneSettings {
  const country = text(iparams, P.phoneCountry).toUpperCase();
  const valid = new RegExp(COUNTRY_PATTERN).test(country);
  if (!valid) problems.push(`${P.phoneCountry}: use a two-letter country code such as US or DE`);
  return { enabled: flag(iparams, P.hygieneEnabled, true) && valid, defaultCountry: valid && country !== '' ? country : null };
}

const DISABLED_WEBHOOKS: WebhookSettings = { enabled: false, host: '', path: '/', key: new Uint8Array(0), events: new Set(), maxAttempts: DEFAULT_MAX_ATTEMPTS };

/** The signing key of a `whsec_…` secret: 24 to 64 bytes (Standard Webhooks). */
export function signingKey(secret: string): Uint8Array | undefined {
  const key = secret.startsWith('whsec_') ? base64Decode(secret.slice('whsec_'.length)) : undefined;
  return key !== undefined && key.length >= 24 && key.length <= 64 ? key : undefined;
}

/** A multiselect arrives as an array; a comma-separated string is read too. */
function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value as unknown[];
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter((part) => part !== '') : undefined;
}

function webhookEvents(iparams: Iparams): ReadonlySet<WebhookType> | string {
  const value = valueOf(iparams, P.webhookEvents);
  if (value === null) return new Set(DEFAULT_WEBHOOK_TYPES);
  const list = listOf(value);
  const unknown = list?.find((item) => !isWebhookType(item));
  if (list === undefined || unknown !== undefined) return `unknown event ${JSON.stringify(unknown ?? value)}`;
  return new Set(list as WebhookType[]);
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** A number, or digits only as text ("0x10" and "1e1" are not whole numbers to an admin). */
const wholeNumber = (value: unknown): unknown => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value);

function maxAttempts(iparams: Iparams): number | undefined {
  const value = valueOf(iparams, P.webhookMaxAttempts);
  if (isBlank(value)) return DEFAULT_MAX_ATTEMPTS;
  const number = wholeNumber(value);
  const valid = typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= MAX_ATTEMPTS_LIMIT;
  return valid ? number : undefined;
}

function webhookProblems(iparams: Iparams, events: ReadonlySet<WebhookType> | string, attempts: number | undefined): string[] {
  const problems: string[] = [];
  if (!new RegExp(WEBHOOK_HOST_PATTERN).test(text(iparams, P.webhookHost))) problems.push(`${P.webhookHost}: enter a host name only, like hooks.example.com`);
  if (!new RegExp(WEBHOOK_PATH_PATTERN).test(text(iparams, P.webhookPath))) problems.push(`${P.webhookPath}: the path must start with /`);
  if (signingKey(text(iparams, P.webhookSecret)) === undefined) problems.push(`${P.webhookSecret}: enter a signing secret like whsec_ followed by 32+ Base64 characters`);
  if (typeof events === 'string') problems.push(`${P.webhookEvents}: ${events}`);
  if (attempts === undefined) problems.push(`${P.webhookMaxAttempts}: use a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}`);
  return problems;
}

/** Webhooks are on when a host is given; then every part must be valid. */
function webhooks(iparams: Iparams, problems: string[]): WebhookSettings {
  const host = text(iparams, P.webhookHost).toLowerCase();
  if (host === '') return DISABLED_WEBHOOKS;
  const events = webhookEvents(iparams);
  const attempts = maxAttempts(iparams);
  const found = webhookProblems(iparams, events, attempts);
  problems.push(...found);
  if (found.length > 0) return DISABLED_WEBHOOKS;
  const path = text(iparams, P.webhookPath) || '/';
  return { enabled: true, host, path, key: signingKey(text(iparams, P.webhookSecret)) as Uint8Array, events: events as ReadonlySet<WebhookType>, maxAttempts: attempts as number };
}

export function readSettings(iparams: Iparams): Settings {
  const problems: string[] = [];
  return { dealWon: dealWon(iparams, problems), dealLost: dealLost(iparams, problems), hygiene: hygiene(iparams, problems), webhooks: webhooks(iparams, problems), problems };
}
