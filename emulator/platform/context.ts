import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TemplateInvokeOptions, TemplateSuccess } from '../../common/platform/request';
import type { Clock } from '../clock';
import type { CrmServer } from '../crm/crm-server';
import type { Router } from '../crm/http/router';
import type { Inspector } from './inspector/inspector';
import type { Caller, InstallationIdentity, InstallationServices, LoadedApp } from './types';

export interface InstallOutcome {
  ok: boolean;
  /** The handler's veto message, or why the platform refused. */
  message?: string;
}

/** The live installation: its id, saved iparams and services. */
export interface InstallationRuntime {
  id: string;
  iparams: Record<string, unknown>;
  services: InstallationServices;
}

/**
 * What every HTTP route of the emulator (host pages, front-end API, settings, inspector,
 * external events) can use.
 */
export interface EmulatorContext {
  app: LoadedApp;
  clock: Clock;
  inspector: Inspector;
  /** The in-process Freshsales stand-in, when the emulator runs one (not with --crm-url or live). */
  crm?: CrmServer;
  /** e.g. http://localhost:10001 */
  baseUrl(): string;
  identity(): InstallationIdentity;
  /** The signed-in product user (platform.md §7.2 loggedInUser). */
  loggedInUser(): Record<string, unknown>;
  installation(): InstallationRuntime | undefined;
  install(values: Record<string, unknown>): Promise<InstallOutcome>;
  uninstall(): Promise<InstallOutcome>;
  /**
   * A request template on behalf of `caller`: the installed iparams when installed; before
   * that only the settings page may call, with `context` values (platform.md §8.2).
   */
  invokeTemplate(caller: Caller, name: string, options?: TemplateInvokeOptions): Promise<TemplateSuccess>;
  /** SMI (platform.md §7.8): resolves `{response}`, rejects with a PlatformError. */
  invokeFunction(name: string, payload: unknown): Promise<{ response: unknown }>;
}

export type EmulatorRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  params: Record<string, string>,
  context: EmulatorContext,
) => Promise<void> | void;

export type RegisterEmulatorRoutes = (router: Router<EmulatorRoute>) => void;
