import { html, jsonForScript, raw, type Html } from '../frontend/pages/html';
import { page } from '../install/layout';
import { SETTINGS_PATHS } from '../install/paths';
import { COMMON_GROUP, WEBTEST_PATHS, type WebTestEvent } from './protocol';

/**
 * The page at /web/test: pick an event (Common, or a product module), edit its payload
 * (prefilled from server/test_data), Simulate. Rendered here with the escaping `html` tag; the
 * browser script (client.ts) only swaps the payload and shows the result, through textContent.
 */

export interface WebTestPageData {
  appName: string;
  installed: boolean;
  events: WebTestEvent[];
  /** `module/event` to preselect, from the query. */
  selected?: string;
}

const STYLE = `
label .muted{font-weight:400}
#fdk-payload{min-height:320px;font-family:SFMono-Regular,Consolas,monospace;font-size:12px;tab-size:2}
button.ok{background:#00795b;border-color:#00795b}button.bad{background:#c82124;border-color:#c82124}
button.secondary{background:#fff;color:#2c5cc5}button.secondary:hover{background:#eef3fd}
.pill.bad{background:#ffecf0;color:#c82124}.fdk-error{color:#c82124}
dl.fdk-result{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}dl.fdk-result dt{font-weight:600;color:#475867}dl.fdk-result dd{margin:0;min-width:0}
`;

export const keyOf = (event: Pick<WebTestEvent, 'module' | 'event'>): string => `${event.module}/${event.event}`;

function option(event: WebTestEvent, selected: string): Html {
  return html`<option value="${keyOf(event)}"${keyOf(event) === selected ? raw(' selected') : ''}>${event.event} → ${event.handler}</option>`;
}

/** Common first, then one group per product module, as the FDK's module picker shows them. */
function eventSelect(events: WebTestEvent[], selected: string): Html {
  const groups = [...new Set(events.map((event) => event.group))];
  const body = groups.map((group) => html`<optgroup label="${group === COMMON_GROUP ? group : `Module: ${group}`}">${events.filter((event) => event.group === group).map((event) => option(event, selected))}</optgroup>`);
  return html`<select id="fdk-event" name="event">${body}</select>`;
}

/** What the chosen event runs and where its payload comes from (client.ts rewrites it on change). */
export function eventInfo(event: WebTestEvent): Html {
  const file = html`<code>${event.testDataFile}</code>`;
  const source = event.testDataText === undefined ? html`no test data file (${file}): paste a payload` : html`test data ${file}`;
  return html`Handler <code>${event.handler}</code> · ${source}`;
}

/** The editor starts with the test data as written, or `{}` when there is none. */
export const initialText = (event: WebTestEvent): string => event.testDataText ?? '{}\n';

function editor(events: WebTestEvent[], chosen: WebTestEvent): Html {
  return html`<form class="card" id="fdk-webtest" autocomplete="off">
<div class="field"><label for="fdk-event">Event</label>${eventSelect(events, keyOf(chosen))}<p class="hint" id="fdk-event-info">${eventInfo(chosen)}</p></div>
<div class="field"><label for="fdk-payload">Payload <span class="muted">(JSON: the event without <code>iparams</code> and <code>currentHost</code>, which the platform adds)</span></label>
<textarea id="fdk-payload" name="payload" spellcheck="false">${initialText(chosen)}</textarea>
<p class="error" id="fdk-payload-error">${chosen.testDataError}</p></div>
<div class="actions"><button type="submit" id="fdk-simulate" data-state="idle">Simulate</button><button type="button" class="secondary" id="fdk-reload">Reload test data</button></div>
</form>
<div class="card" id="fdk-result" hidden><h2>Result</h2><dl class="fdk-result" id="fdk-result-fields"></dl></div>`;
}

function intro(data: WebTestPageData): Html {
  const notInstalled = data.installed ? undefined : html`<div class="banner error" role="alert">The app is not installed: <a href="${SETTINGS_PATHS.settings}">install it</a>, then simulate events.</div>`;
  return html`<div class="card"><h1>Serverless test <span class="muted">· ${data.appName}</span></h1>
<p class="muted">Fires one of the app's events at its server code with a test payload, as <code>fdk run</code> does at <code>/web/test</code>. Each run shows in the <a href="/__fdk/inspector?kind=event">inspector</a>.</p>${notInstalled}</div>`;
}

/** The page's data and script, only when there is an editor for them to drive. */
function script(events: WebTestEvent[]): Html {
  return html`<script type="application/json" id="fdk-webtest-data">${jsonForScript({ events })}</script>
<script src="${WEBTEST_PATHS.script}"></script>`;
}

export function renderWebTestPage(data: WebTestPageData): string {
  const chosen = data.events.find((event) => keyOf(event) === data.selected) ?? data.events[0];
  const head = html`<style>${raw(STYLE)}</style>`;
  if (chosen === undefined) return page({ title: 'Serverless test', head }, html`${intro(data)}<div class="card"><p class="muted">This app declares no events: there is nothing to simulate.</p></div>`);
  return page({ title: 'Serverless test', head }, html`${intro(data)}${editor(data.events, chosen)}${script(data.events)}`);
}
