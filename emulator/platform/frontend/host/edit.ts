import { KINDS, type HostApiAnswer } from '../pages/kinds';
import type { HostEnv } from './env';
import { recordUpdated } from './events';

/**
 * The details page's quick edit: saves through the emulator (which applies it in the stand-in,
 * so its product event fires), updates the page in place and fires the record's update event
 * to the app (platform.md §7.3).
 */

async function post(form: HTMLFormElement): Promise<HostApiAnswer> {
  const values = Object.fromEntries(Array.from(form.querySelectorAll<HTMLInputElement>('input[name]')).map((input) => [input.name, input.value]));
  try {
    const response = await fetch(form.action, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(values) });
    return (await response.json()) as HostApiAnswer;
  } catch (error) {
    return { ok: false, status: 0, message: error instanceof Error ? error.message : 'the emulator did not answer' };
  }
}

function showValues(doc: Document, display: Record<string, string>): void {
  for (const [name, value] of Object.entries(display)) {
    doc.querySelectorAll(`[data-field="${CSS.escape(name)}"]`).forEach((node) => (node.textContent = value));
  }
}

async function save(env: HostEnv, form: HTMLFormElement): Promise<void> {
  const button = form.querySelector('button[type="submit"]');
  button?.setAttribute('disabled', '');
  const answer = await post(form);
  button?.removeAttribute('disabled');
  if (!answer.ok) {
    env.ui.toast({ type: 'danger', title: 'Not saved', message: answer.message, source: 'host' });
    return;
  }
  showValues(document, answer.display);
  const label = env.boot.entity === null ? 'Record' : KINDS[env.boot.entity.type].label;
  env.ui.toast({ type: 'success', message: `${label} updated`, source: 'host' });
  recordUpdated(env, answer.record);
}

export function bindEditForm(env: HostEnv, doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-fdk-edit]');
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(env, form);
  });
}
