import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { EntityType } from '../../../common/platform/client';
import { appTitle } from '../app-title';
import type { EmulatorContext, EmulatorRoute, RegisterEmulatorRoutes } from '../context';
import { sendText } from '../http/dispatch';
import type { LoadedApp } from '../types';
import { bundleBrowserScript } from './bundle';
import { handleHostEdit } from './pages/host-api';
import { KIND_LIST, KINDS, HOST_API_PREFIX, HOST_SCRIPT_PATH, HOST_STYLE_PATH } from './pages/kinds';
import { page } from './pages/layout';
import { listView, recordView } from './pages/records';
import { appsAside, detailsContent, listContent, messageContent, pageTitleOf } from './pages/views';
import type { HostBootData } from './protocol';

/**
 * The emulated Freshsales product UI (issue #4 item 8): contact, deal and account lists and
 * details pages, read from the in-process stand-in, with the apps drawer that hosts the
 * installed app's `<module>_entity_menu` placement (platform.md §1.3). The browser side
 * (bridge, drawer, dialogs) is host/index.ts, served bundled at /__fdk/host.js.
 */

const HOST_ENTRY = join(__dirname, 'host', 'index.ts');
const HOST_CSS = join(__dirname, 'host', 'host.css');
const HTML_HEADERS = { 'Cache-Control': 'no-store' };

type RecordPage = { kind: EntityType; id: number };

function userName(context: EmulatorContext): string {
  const name = context.loggedInUser().display_name;
  return typeof name === 'string' ? name : 'Signed-in user';
}

/** The placements of the installed app for one module's details page. */
function placementsFor(app: LoadedApp, kind: EntityType): HostBootData['placements'] {
  return app.locations
    .filter((location) => location.module === kind && location.placeholder === KINDS[kind].placeholder)
    .map(({ placeholder, url, icon }) => ({ placeholder, url, icon }));
}

export function bootData(context: EmulatorContext, entity: RecordPage | null): HostBootData {
  const installation = context.installation();
  return {
    installationId: installation?.id ?? null,
    entity: entity === null ? null : { type: entity.kind, id: entity.id },
    loggedInUser: context.loggedInUser(),
    currentHost: context.identity().currentHost,
    placements: installation === undefined || entity === null ? [] : placementsFor(context.app, entity.kind),
  };
}

function pageNumber(request: IncomingMessage): number {
  const value = Number(new URL(request.url ?? '/', 'http://emulator.local').searchParams.get('page') ?? '1');
  return Number.isInteger(value) ? value : 1;
}

const recordId = (value: string | undefined): number | undefined => (value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined);

function sendPage(response: ServerResponse, status: number, body: string): void {
  sendText(response, status, body, 'text/html; charset=utf-8', HTML_HEADERS);
}

function notFound(response: ServerResponse, context: EmulatorContext, kind: EntityType): void {
  const info = KINDS[kind];
  const content = messageContent(`${info.label} not found`, `This ${info.label.toLowerCase()} does not exist or was deleted.`, { href: `/crm/sales/${info.segment}`, label: `Back to ${info.plural.toLowerCase()}` });
  sendPage(response, 404, page({ title: 'Not found', active: kind, user: userName(context), crumbs: [{ label: info.plural, href: `/crm/sales/${info.segment}` }, { label: 'Not found' }], content }));
}

const NO_STAND_IN =
  'Record pages read the in-process Freshsales stand-in, and this emulator runs without one (--crm-url or live mode). The apps drawer still hosts the app for the record id in the address.';

function listPage(kind: EntityType): EmulatorRoute {
  const info = KINDS[kind];
  return (request, response, _params, context) => {
    const crumbs = [{ label: info.plural }];
    const user = userName(context);
    if (context.crm === undefined) {
      const content = messageContent(`${info.plural} need the stand-in`, 'Record lists read the in-process Freshsales stand-in, and this emulator runs without one (--crm-url or live mode). Open a record page by its id: /crm/sales/' + `${info.segment}/<id>.`);
      return sendPage(response, 200, page({ title: info.plural, active: kind, user, crumbs, content }));
    }
    const content = listContent(listView(context.crm.store, kind, pageNumber(request)));
    sendPage(response, 200, page({ title: info.plural, active: kind, user, crumbs, content }));
  };
}

function detailsBody(context: EmulatorContext, kind: EntityType, id: number): { title: string; content: ReturnType<typeof detailsContent> } | undefined {
  if (context.crm === undefined) return { title: `${KINDS[kind].label} ${id}`, content: messageContent(`${KINDS[kind].label} ${id}`, NO_STAND_IN) };
  const view = recordView(context.crm.store, kind, id);
  return view === undefined ? undefined : { title: view.title, content: detailsContent(view) };
}

function detailsPage(kind: EntityType): EmulatorRoute {
  const info = KINDS[kind];
  return (_request, response, params, context) => {
    const id = recordId(params.id);
    const body = id === undefined ? undefined : detailsBody(context, kind, id);
    if (id === undefined || body === undefined) return notFound(response, context, kind);
    const boot = bootData(context, { kind, id });
    const crumbs = [{ label: info.plural, href: `/crm/sales/${info.segment}` }, { label: body.title }];
    const aside = appsAside(boot, appTitle(context.app));
    sendPage(response, 200, page({ title: pageTitleOf(kind, body.title), active: kind, user: userName(context), crumbs, content: body.content, aside, boot }));
  };
}

async function hostScript(_request: IncomingMessage, response: ServerResponse): Promise<void> {
  sendText(response, 200, await bundleBrowserScript(HOST_ENTRY), 'text/javascript; charset=utf-8');
}

function hostStyle(_request: IncomingMessage, response: ServerResponse): void {
  sendText(response, 200, readFileSync(HOST_CSS, 'utf8'), 'text/css; charset=utf-8');
}

export const registerHostPages: RegisterEmulatorRoutes = (router) => {
  router.add('GET', '/', (_request, response) => {
    response.writeHead(302, { Location: '/crm/sales/contacts' }).end();
  });
  for (const info of KIND_LIST) {
    router.add('GET', `/crm/sales/${info.segment}`, listPage(info.kind));
    router.add('GET', `/crm/sales/${info.segment}/:id`, detailsPage(info.kind));
  }
  router.add('POST', `${HOST_API_PREFIX}/:collection/:id`, handleHostEdit);
  router.add('GET', HOST_SCRIPT_PATH, hostScript);
  router.add('GET', HOST_STYLE_PATH, hostStyle);
};
