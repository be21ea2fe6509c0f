/**
 * Browser script of the settings page around an app's own config/iparams.html (platform.md
 * §8.2): the page sits in a same-origin frame; on load its global `getConfigs(saved)` gets the
 * saved settings (non-secure only); Install runs `validate()` → `postConfigs()` and posts the
 * result to the emulator, which runs onAppInstall.
 */

export {};

interface ConfigPage {
  getConfigs?: (configs: Record<string, unknown>) => unknown;
  validate?: () => unknown;
  postConfigs?: () => unknown;
}

interface PageData {
  saved: Record<string, unknown> | null;
  action: string;
}

interface Answer {
  ok: boolean;
  redirect?: string;
  message?: string;
  errors?: Record<string, string>;
}

const data = JSON.parse(document.getElementById('fdk-settings-data')?.textContent ?? '{}') as PageData;
const frame = document.getElementById('fdk-settings-frame') as HTMLIFrameElement;
const button = document.getElementById('fdk-install') as HTMLButtonElement;
const errorSlot = document.getElementById('fdk-settings-error') as HTMLElement;
let configsGiven = false;

function configPage(): ConfigPage {
  return (frame.contentWindow ?? {}) as ConfigPage;
}

function showError(message: string): void {
  errorSlot.textContent = message;
  errorSlot.hidden = message === '';
}

/** Edit settings: the saved values go to getConfigs once the page's scripts have run. */
function giveConfigs(): void {
  if (configsGiven || data.saved === null) return;
  configsGiven = true;
  const { getConfigs } = configPage();
  if (typeof getConfigs !== 'function') showError('config/assets/iparams.js does not define a global getConfigs(configs) function.');
  else getConfigs(data.saved);
}

function explain(answer: Answer): string {
  const fieldErrors = Object.entries(answer.errors ?? {}).map(([key, message]) => `${key}: ${message}`);
  return [answer.message ?? 'The settings were not saved.', ...fieldErrors].join(' ');
}

/** validate() answering false, or a promise of false, blocks the install (§8.2; Promise form [U]). */
async function collect(): Promise<{ configs: unknown } | 'blocked'> {
  const page = configPage();
  if (typeof page.validate !== 'function') throw new Error('config/assets/iparams.js does not define a global validate() function.');
  if ((await page.validate()) === false) return 'blocked';
  if (typeof page.postConfigs !== 'function') throw new Error('config/assets/iparams.js does not define a global postConfigs() function.');
  return { configs: await page.postConfigs() };
}

async function install(): Promise<void> {
  showError('');
  const collected = await collect();
  if (collected === 'blocked') return showError('The settings page reported invalid values (validate() returned false).');
  const response = await fetch(data.action, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(collected.configs ?? null),
  });
  const answer = (await response.json()) as Answer;
  if (answer.ok && answer.redirect !== undefined) window.location.assign(answer.redirect);
  else showError(explain(answer));
}

button.addEventListener('click', () => {
  button.disabled = true;
  install()
    .catch((error: unknown) => showError(error instanceof Error ? error.message : String(error)))
    .finally(() => (button.disabled = false));
});
/** The frame grows with the page (same origin), so a long settings page needs no inner scroll bar. */
function fitFrame(): void {
  const body = frame.contentDocument?.body;
  if (body === undefined || body === null) return;
  const fit = () => (frame.style.height = `${Math.max(420, body.scrollHeight + 24)}px`);
  fit();
  new ResizeObserver(fit).observe(body);
}

frame.addEventListener('load', giveConfigs);
frame.addEventListener('load', fitFrame);
// The frame may have finished loading before this script ran.
if (frame.contentDocument?.readyState === 'complete' && frame.contentWindow?.location.pathname === new URL(frame.src).pathname) {
  giveConfigs();
  fitFrame();
}
