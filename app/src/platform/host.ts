import type {
  AppGlobal,
  Client,
  ClientEventHandler,
  ClientEventName,
  CurrentEntityInfo,
  LoggedInUser,
  NotifyType,
} from '../../../common/platform/client';
import type { CrmFailure } from '../../../common/crm/failure';
import { callTemplate, type TemplateContexts, type TemplateName, type TemplateResponse } from '../../../common/templates';
import type { Result } from '../../../common/validation';
import { IPARAM_DOMAIN } from '../../../common/iparams';

/** The platform caps an app's height at 700 px (platform.md §7.5). */
export const MAX_HEIGHT_PX = 700;
/** showNotify rejects longer titles and messages (platform.md §7.4). */
export const NOTIFY_TITLE_MAX = 30;
export const NOTIFY_MESSAGE_MAX = 100;

/** Shortens text to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function clampHeight(heightPx: number): number {
  if (!Number.isFinite(heightPx)) return MAX_HEIGHT_PX;
  return Math.min(Math.max(Math.ceil(heightPx), 1), MAX_HEIGHT_PX);
}

/**
 * The only code that touches the platform `client`. Everything else asks the host: typed
 * templates, the current record, notifications, sizing and events.
 */
export interface Host {
  entity(): Promise<CurrentEntityInfo>;
  loggedInUser(): Promise<LoggedInUser>;
  /** The Freshsales host from the non-secure iparams, for display only. */
  domain(): Promise<string | undefined>;
  /** Every non-secure iparam (the admin's sidebar settings); `{}` when the platform will not say. */
  settings(): Promise<Record<string, unknown>>;
  /** Navigates the CRM to a record's details page. */
  show(kind: 'contact' | 'account' | 'deal', id: number): Promise<void>;
  call<N extends TemplateName>(
    name: N,
    context: TemplateContexts[N],
    body?: unknown,
  ): Promise<Result<TemplateResponse<N>, CrmFailure>>;
  notify(type: NotifyType, message: string, title?: string): Promise<void>;
  resize(heightPx: number): void;
  /** Subscribe; the returned function unsubscribes. */
  on(event: ClientEventName, handler: ClientEventHandler): () => void;
}

export function createHost(client: Client): Host {
  return {
    entity: async () => (await client.data.get('currentEntityInfo')).currentEntityInfo,
    loggedInUser: async () => (await client.data.get('loggedInUser')).loggedInUser,
    domain: async () => {
      // Display only: if the platform will not give the iparams, show no domain rather than fail.
      const params = await client.iparams.get().catch((): Record<string, unknown> => ({}));
      const domain = params[IPARAM_DOMAIN];
      return typeof domain === 'string' ? domain : undefined;
    },
    settings: () => client.iparams.get().catch((): Record<string, unknown> => ({})),
    show: async (kind, id) => {
      await client.interface.trigger('show', { id: kind, value: id });
    },
    call: (name, context, body) => callTemplate(client.request, name, context, body),
    notify: async (type, message, title) => {
      const text = clip(message, NOTIFY_MESSAGE_MAX);
      await client.interface.trigger('showNotify', { type, message: text, ...(title ? { title: clip(title, NOTIFY_TITLE_MAX) } : {}) });
    },
    resize: (heightPx) => {
      void Promise.resolve(client.instance.resize({ height: `${clampHeight(heightPx)}px` })).catch(() => undefined);
    },
    on: (event, handler) => {
      client.events.on(event, handler);
      return () => client.events.off(event, handler);
    },
  };
}

/**
 * Waits for the platform client. The `{{{appclient}}}` script defines `window.app` before our
 * bundle runs; if it is missing the page was opened outside Freshsales.
 */
export async function connectToPlatform(scope: { app?: AppGlobal } = window as { app?: AppGlobal }): Promise<Client> {
  if (scope.app === undefined) throw new Error('The Freshworks app client is not loaded.');
  return scope.app.initialized();
}
