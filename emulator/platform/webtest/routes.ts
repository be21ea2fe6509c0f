import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { EmulatorRoute, RegisterEmulatorRoutes } from '../context';
import { bundleBrowserScript } from '../frontend/bundle';
import { readBody, sendJson, sendText } from '../http/dispatch';
import { SETTINGS_PATHS } from '../install/paths';
import type { Platform } from '../platform';
import { renderWebTestPage } from './page';
import { WEBTEST_PATHS, type EventsResponse, type SimulateResponse } from './protocol';
import { judgeSimulation } from './simulate-request';
import { listEvents } from './test-data';

/**
 * `fdk run`'s serverless simulator (platform.md §9.3): the page at /web/test and its JSON API,
 * `GET /web/test/events` and `POST /web/test/simulate`, which `npm run event` uses too.
 */

/** What the routes need of the platform; `simulate` injects iparams and currentHost. */
export type WebTestPlatform = Pick<Platform, 'app' | 'installation' | 'simulate'>;

/** Above the largest documented event payload (256 KB, §2.7): the sandbox reports its own caps. */
const BODY_LIMIT = 1024 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };
const NOT_INSTALLED = `The app is not installed: install it at ${SETTINGS_PATHS.settings}, then simulate events`;

function eventsOf(platform: WebTestPlatform): EventsResponse {
  return { app: platform.app.name, installed: platform.installation() !== undefined, events: listEvents(platform.app) };
}

function selectedIn(request: IncomingMessage): string | undefined {
  const query = new URL(request.url ?? '/', 'http://emulator.local').searchParams;
  const event = query.get('event');
  return event === null ? undefined : `${(query.get('module') ?? 'common').toLowerCase()}/${event}`;
}

function view(platform: WebTestPlatform): EmulatorRoute {
  return (request, response) => {
    const data = eventsOf(platform);
    sendText(response, 200, renderWebTestPage({ appName: data.app, installed: data.installed, events: data.events, selected: selectedIn(request) }), 'text/html; charset=utf-8', NO_STORE);
  };
}

function events(platform: WebTestPlatform): EmulatorRoute {
  return (_request, response) => sendJson(response, 200, eventsOf(platform), NO_STORE);
}

/** 200 with the run's outcome, whether the handler succeeded or not; 4xx when nothing ran. */
function simulate(platform: WebTestPlatform): EmulatorRoute {
  return async (request, response) => {
    const body = await readBody(request, BODY_LIMIT);
    if (body === undefined) return sendJson(response, 413, { message: `The request is larger than ${BODY_LIMIT / 1024} KB` });
    const judged = judgeSimulation(platform.app, body.toString('utf8'));
    if (!judged.ok) return sendJson(response, judged.status, { message: judged.message });
    if (platform.installation() === undefined) return sendJson(response, 409, { message: NOT_INSTALLED });
    const { binding, payload, payloadSource } = judged.value;
    const result = await platform.simulate({ event: binding.event, module: binding.module, payload });
    // Uninstalled while the request was read: the platform ran nothing.
    if (result.outcome === 'not installed') return sendJson(response, 409, { message: NOT_INSTALLED });
    const answer: SimulateResponse = { ...result, event: binding.event, module: binding.module, payloadSource };
    sendJson(response, 200, answer, NO_STORE);
  };
}

const script: EmulatorRoute = async (_request, response) => {
  sendText(response, 200, await bundleBrowserScript(join(__dirname, 'client.ts')), 'text/javascript; charset=utf-8');
};

export function webTestRoutes(platform: WebTestPlatform): RegisterEmulatorRoutes {
  return (router) => {
    router.add('GET', WEBTEST_PATHS.page, view(platform));
    router.add('GET', WEBTEST_PATHS.events, events(platform));
    router.add('POST', WEBTEST_PATHS.simulate, simulate(platform));
    router.add('GET', WEBTEST_PATHS.script, script);
  };
}
