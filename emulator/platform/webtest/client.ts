import { WEBTEST_PATHS, type ErrorResponse, type EventsResponse, type SimulateBody, type SimulateResponse, type WebTestEvent } from './protocol';

/**
 * Browser script of /web/test (bundled by esbuild when served): swaps the payload when another
 * event is picked, posts it to /web/test/simulate, turns the button into Success or Failed and
 * shows the outcome. Every value reaches the page through textContent, never as markup.
 */

type Shown = Pick<SimulateResponse, 'ok' | 'outcome' | 'logs'> & Partial<SimulateResponse>;

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

let events = (JSON.parse(element('fdk-webtest-data').textContent ?? '{}') as Pick<EventsResponse, 'events'>).events ?? [];
const form = element<HTMLFormElement>('fdk-webtest');
const select = element<HTMLSelectElement>('fdk-event');
const payload = element<HTMLTextAreaElement>('fdk-payload');
const button = element<HTMLButtonElement>('fdk-simulate');

function node(tag: string, text?: string, className?: string): HTMLElement {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className !== undefined) created.className = className;
  return created;
}

const chosen = (): WebTestEvent | undefined => events.find((event) => `${event.module}/${event.event}` === select.value);

type ButtonState = 'idle' | 'running' | 'success' | 'failed';

const BUTTON: Record<ButtonState, { label: string; className: string }> = {
  idle: { label: 'Simulate', className: '' },
  running: { label: 'Simulating…', className: '' },
  success: { label: 'Success', className: 'ok' },
  failed: { label: 'Failed', className: 'bad' },
};

function setButton(state: ButtonState): void {
  button.textContent = BUTTON[state].label;
  button.className = BUTTON[state].className;
  button.dataset.state = state;
  button.disabled = state === 'running';
}

function showEvent(event: WebTestEvent): void {
  const info = element('fdk-event-info');
  const file = node('code', event.testDataFile);
  const source = event.testDataText === undefined ? ['no test data file (', file, '): paste a payload'] : ['test data ', file];
  info.replaceChildren('Handler ', node('code', event.handler), ' · ', ...source);
  element('fdk-payload-error').textContent = event.testDataError ?? '';
  payload.value = event.testDataText ?? '{}\n';
  setButton('idle');
}

function row(fields: HTMLElement, label: string, value: Node | string | undefined): void {
  if (value === undefined) return;
  const cell = node('dd');
  cell.dataset.field = label.toLowerCase();
  cell.append(value);
  fields.append(node('dt', label), cell);
}

function logLines(result: Shown): Node {
  if (result.logs.length === 0) return node('span', 'no log lines', 'muted');
  return node('pre', result.logs.map((line) => `[${line.level}] ${line.message}`).join('\n'));
}

/** A row's content, when the answer has the field. */
function maybe<T>(value: T | undefined, show: (present: T) => Node | string): Node | string | undefined {
  return value === undefined ? undefined : show(value);
}

function showResult(result: Shown): void {
  const fields = element('fdk-result-fields');
  fields.replaceChildren();
  row(fields, 'Outcome', node('span', result.outcome, `pill ${result.ok ? 'on' : 'bad'}`));
  row(fields, 'Handler', maybe(result.handler, (handler) => node('code', handler)));
  row(fields, 'Duration', maybe(result.durationMs, (ms) => `${ms} ms`));
  row(fields, 'Payload', maybe(result.payloadSource, (source) => node('code', source)));
  row(fields, 'Error', maybe(result.error, (error) => node('pre', error, 'fdk-error')));
  row(fields, 'renderData', maybe(result.rendered, (rendered) => node('pre', JSON.stringify(rendered))));
  row(fields, 'Logs', logLines(result));
  element('fdk-result').hidden = false;
  setButton(result.ok ? 'success' : 'failed');
}

/** A refusal (400, 409) or an unreachable emulator shows like a failed run, with its message. */
const refused = (message: string): Shown => ({ ok: false, outcome: 'not run', error: message, logs: [] });

/** The editor's text is always sent (the file may have changed since); the row says whether it was edited. */
function sourceOf(event: WebTestEvent, sent: string): string {
  return event.testDataText !== undefined && sent === event.testDataText ? event.testDataFile : 'edited in the page';
}

async function simulate(event: WebTestEvent): Promise<Shown> {
  const sent = payload.value;
  const body: SimulateBody = { event: event.event, module: event.module, payload: sent };
  const response = await fetch(WEBTEST_PATHS.simulate, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as SimulateResponse | ErrorResponse;
  return response.ok ? { ...(answer as SimulateResponse), payloadSource: sourceOf(event, sent) } : refused((answer as ErrorResponse).message);
}

const failure = (error: unknown): Shown => refused(`The emulator did not answer: ${error instanceof Error ? error.message : String(error)}`);

form.addEventListener('submit', (submitted) => {
  submitted.preventDefault();
  const event = chosen();
  if (event === undefined) return;
  setButton('running');
  void simulate(event).catch(failure).then(showResult);
});

select.addEventListener('change', () => {
  const event = chosen();
  if (event !== undefined) showEvent(event);
});

payload.addEventListener('input', () => setButton('idle'));

/** Re-reads server/test_data, so a file edited on disk shows without reloading the page. */
element('fdk-reload').addEventListener('click', () => {
  fetch(WEBTEST_PATHS.events)
    .then((response) => response.json() as Promise<EventsResponse>)
    .then((answer) => {
      events = answer.events;
      const event = chosen();
      if (event !== undefined) showEvent(event);
    })
    .catch((error: unknown) => showResult(failure(error)));
});
