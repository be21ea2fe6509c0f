import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorRoute, RegisterEmulatorRoutes } from '../context';
import { html, raw, type Html, type HtmlPart } from '../frontend/pages/html';
import { sendJson, sendText } from '../http/dispatch';
import { page } from '../install/layout';
import type { Budget, InspectorEntry } from './inspector';

/**
 * What the emulator did, for a person (`/__fdk/inspector`) and for tests and tools
 * (`/__fdk/inspector.json`): request-template calls, events with their outcome and logs, store
 * and schedule operations, installs, external events, and the per-minute budgets as they are
 * used. Entries carry no secrets (templates are recorded after rendering, without headers).
 */

export const INSPECTOR_PATHS = { page: '/__fdk/inspector', json: '/__fdk/inspector.json' } as const;

type Kind = InspectorEntry['kind'];

const KINDS: Record<Kind, string> = {
  template: 'Request templates',
  event: 'Events',
  store: 'Store',
  schedule: 'Schedules',
  install: 'Installs',
  external: 'External events',
};

const RENDERED_MAX = 500;

interface Row {
  what: HtmlPart;
  ok: boolean;
  outcome: string;
  details?: HtmlPart;
  /** Neither success nor failure of app code: shown apart (`pill off`), e.g. an unhandled event. */
  notice?: boolean;
}

/** The outcome platform.ts records for an event that reached an app without a handler for it. */
export const NO_HANDLER_OUTCOME = 'no handler registered';

type Describe<K extends Kind> = (entry: Extract<InspectorEntry, { kind: K }>) => Row;

const failure = (error: string | undefined): HtmlPart => (error === undefined ? undefined : html`<pre class="fdk-error">${error}</pre>`);

function shorten(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > RENDERED_MAX ? `${text.slice(0, RENDERED_MAX)}…` : text;
}

const template: Describe<'template'> = (entry) => ({
  what: html`<code>${entry.name}</code> <span class="muted">from ${entry.caller}</span>`,
  ok: entry.status >= 200 && entry.status < 300,
  outcome: String(entry.status),
  details: html`${entry.durationMs} ms · ${entry.attempts} attempt${entry.attempts === 1 ? '' : 's'}${entry.url === undefined ? '' : html` · <code>${entry.url}</code>`}${failure(entry.error)}`,
});

function logLines(entry: Extract<InspectorEntry, { kind: 'event' }>): HtmlPart {
  if (entry.logs.length === 0) return html`<span class="muted">no log lines</span>`;
  const lines = entry.logs.map((line) => `[${line.level}] ${line.message}`).join('\n');
  return html`<details><summary>${entry.logs.length} log line${entry.logs.length === 1 ? '' : 's'}</summary><pre>${lines}</pre></details>`;
}

/** The app declared no handler: nothing of the app ran, so there is no failure to show in red. */
const unhandledEvent: Describe<'event'> = (entry) => ({
  what: html`<code>${entry.event}</code> → <span class="muted">no handler</span>`,
  ok: false,
  notice: true,
  outcome: NO_HANDLER_OUTCOME,
  details: entry.error === undefined ? undefined : html`<span class="muted">${entry.error}</span>`,
});

const handledEvent: Describe<'event'> = (entry) => ({
  what: html`<code>${entry.event}</code> → <code>${entry.handler}</code>`,
  ok: entry.outcome === 'completed' || entry.outcome === 'rendered',
  outcome: entry.outcome,
  details: html`${entry.durationMs} ms${failure(entry.error)}${entry.rendered === undefined ? '' : html`<pre>renderData ${shorten(entry.rendered)}</pre>`}${logLines(entry)}`,
});

const event: Describe<'event'> = (entry) => (entry.outcome === NO_HANDLER_OUTCOME ? unhandledEvent(entry) : handledEvent(entry));

const store: Describe<'store'> = (entry) => ({
  what: html`${entry.api} <code>${entry.operation}</code> <code>${entry.key}</code>`,
  ok: entry.ok,
  outcome: entry.ok ? 'ok' : 'failed',
  details: failure(entry.error),
});

const schedule: Describe<'schedule'> = (entry) => ({
  what: html`<code>${entry.operation}</code> <code>${entry.name}</code>`,
  ok: entry.ok,
  outcome: entry.ok ? 'ok' : 'failed',
  details: failure(entry.error),
});

const install: Describe<'install'> = (entry) => ({
  what: entry.operation,
  ok: entry.ok,
  outcome: entry.ok ? 'ok' : 'refused',
  details: entry.message,
});

const external: Describe<'external'> = (entry) => ({
  what: html`<code>${entry.contentType}</code> · ${entry.bytes} bytes`,
  ok: entry.status >= 200 && entry.status < 300,
  outcome: String(entry.status),
  details: failure(entry.error),
});

const DESCRIBE: { [K in Kind]: Describe<K> } = { template, event, store, schedule, install, external };

function describeEntry(entry: InspectorEntry): Row {
  return (DESCRIBE[entry.kind] as Describe<Kind>)(entry);
}

function pillClass(row: Row): string {
  if (row.notice === true) return 'off';
  return row.ok ? 'on' : 'bad';
}

function entryRow(entry: InspectorEntry): Html {
  const row = describeEntry(entry);
  const at = new Date(entry.at).toISOString();
  return html`<tr data-kind="${entry.kind}"><td title="${at}">${at.slice(11, 23)}</td><td>${KINDS[entry.kind]}</td><td>${row.what}</td><td><span class="pill ${pillClass(row)}">${row.outcome}</span></td><td>${row.details}</td></tr>`;
}

function budgetRow(budget: Budget): Html {
  const resets = budget.used === 0 ? '' : html` <span class="muted">· frees up from ${new Date(budget.resetsAt).toISOString().slice(11, 19)}</span>`;
  return html`<tr data-budget="${budget.name}"><td>${budget.name}</td><td><meter min="0" max="${budget.limit}" low="${Math.floor(budget.limit * 0.7)}" high="${Math.floor(budget.limit * 0.9)}" optimum="0" value="${budget.used}">${budget.used}/${budget.limit}</meter></td><td>${budget.used} / ${budget.limit}${resets}</td></tr>`;
}

function budgetsCard(budgets: Budget[]): Html {
  const body = budgets.length === 0 ? html`<p class="muted">No budgets yet: they appear once the app is installed.</p>` : html`<table><thead><tr><th>Per-minute budget</th><th>Use</th><th>Used</th></tr></thead><tbody>${budgets.map(budgetRow)}</tbody></table>`;
  return html`<div class="card"><h2>Budgets</h2>${body}</div>`;
}

function filters(all: InspectorEntry[], kind: Kind | undefined): Html {
  const link = (label: string, target: Kind | undefined, count: number): Html =>
    target === kind ? html`<strong>${label} (${count})</strong>` : html`<a href="${INSPECTOR_PATHS.page}${target === undefined ? '' : `?kind=${target}`}">${label} (${count})</a>`;
  const links = (Object.keys(KINDS) as Kind[]).map((target) => link(KINDS[target], target, all.filter((entry) => entry.kind === target).length));
  return html`<p class="fdk-filters">${link('All', undefined, all.length)} ${links.map((item) => html`· ${item} `)}</p>`;
}

function entriesCard(entries: InspectorEntry[]): Html {
  const newestFirst = [...entries].reverse();
  const body = newestFirst.length === 0 ? html`<p class="muted">Nothing recorded yet.</p>` : html`<table><thead><tr><th>Time (UTC)</th><th>Kind</th><th>What</th><th>Outcome</th><th>Details</th></tr></thead><tbody>${newestFirst.map(entryRow)}</tbody></table>`;
  return html`<div class="card"><h2>Activity <span class="muted">(newest first)</span></h2>${body}</div>`;
}

/** Re-fetches the page every 2 s and swaps the live part, unless paused or a log is open. */
const REFRESH = `(() => {
  const pause = document.getElementById('fdk-pause');
  setInterval(() => {
    if ((pause && pause.checked) || document.querySelector('#fdk-live details[open]')) return;
    fetch(location.href, { headers: { Accept: 'text/html' } })
      .then((response) => response.text())
      .then((text) => {
        const next = new DOMParser().parseFromString(text, 'text/html').getElementById('fdk-live');
        const live = document.getElementById('fdk-live');
        if (next && live) live.replaceWith(next);
      })
      .catch(() => undefined);
  }, 2000);
})();`;

const STYLE = '.pill.bad{background:#ffecf0;color:#c82124}.fdk-error{color:#c82124}meter{width:160px}td pre{max-width:420px}';

function inspectorPage(snapshot: { entries: InspectorEntry[]; budgets: Budget[] }, kind: Kind | undefined): string {
  const shown = kind === undefined ? snapshot.entries : snapshot.entries.filter((entry) => entry.kind === kind);
  const head = html`<style>${raw(STYLE)}</style><noscript><meta http-equiv="refresh" content="2"></noscript>`;
  const body = html`<div class="card"><h1>Inspector</h1><p class="muted">Refreshes every 2 s. <label><input type="checkbox" id="fdk-pause"> Pause</label> · <a href="${INSPECTOR_PATHS.json}${kind === undefined ? '' : `?kind=${kind}`}">JSON</a></p></div>
<div id="fdk-live">
${budgetsCard(snapshot.budgets)}
<div class="card">${filters(snapshot.entries, kind)}</div>
${entriesCard(shown)}
</div>
<script>${raw(REFRESH)}</script>`;
  return page({ title: 'Inspector', head }, body);
}

/** `?kind=` when it names a kind; 'invalid' for anything else. */
function kindOf(request: IncomingMessage): Kind | undefined | 'invalid' {
  const value = new URL(request.url ?? '/', 'http://emulator.local').searchParams.get('kind');
  if (value === null || value === '') return undefined;
  return value in KINDS ? (value as Kind) : 'invalid';
}

function refuseKind(response: ServerResponse): void {
  sendJson(response, 400, { message: `Unknown kind; use one of ${Object.keys(KINDS).join(', ')}` });
}

const json: EmulatorRoute = (request, response, _params, context) => {
  const kind = kindOf(request);
  if (kind === 'invalid') return refuseKind(response);
  const snapshot = context.inspector.snapshot();
  const entries = kind === undefined ? snapshot.entries : snapshot.entries.filter((entry) => entry.kind === kind);
  sendJson(response, 200, { entries, budgets: snapshot.budgets }, { 'Cache-Control': 'no-store' });
};

const view: EmulatorRoute = (request, response, _params, context) => {
  const kind = kindOf(request);
  if (kind === 'invalid') return refuseKind(response);
  sendText(response, 200, inspectorPage(context.inspector.snapshot(), kind), 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
};

export const registerInspector: RegisterEmulatorRoutes = (router) => {
  router.add('GET', INSPECTOR_PATHS.json, json);
  router.add('GET', INSPECTOR_PATHS.page, view);
};
