import type { InstanceContext } from '../../common/platform/client';
import type { ScheduleApi } from '../../common/platform/schedule';
import type { Db, EntityApi, EntityRecord } from '../../common/platform/storage';
import type { TemplateInvokeOptions, TemplateSuccess } from '../../common/platform/request';
import type { IparamField, Manifest } from '../fdk/app-files';

/**
 * The platform emulator's shared vocabulary (platform.md): a loaded app, an installation, who
 * calls a request template, and the services the sandbox and the front end are given.
 */

/** Who invokes a template decides what it may substitute where (platform.md §5.2). */
export type Caller = 'frontend' | 'serverless' | 'install-page';

export interface RequestTemplate {
  schema: {
    protocol?: 'https' | 'http';
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
    host: string;
    path?: string;
    headers?: Record<string, string>;
    query?: Record<string, string | number>;
  };
  options?: { maxAttempts?: number; retryDelay?: number; oauth?: string };
}

export interface EntityField {
  name: string;
  label?: string;
  type: 'text' | 'paragraph' | 'integer' | 'float' | 'datetime' | 'date' | 'boolean' | 'enum' | 'section';
  required?: boolean;
  filterable?: boolean;
  choices?: Array<{ id: number | string; value: string }>;
}

export interface AppLocation {
  module: string;
  placeholder: string;
  /** Path under app/, e.g. `contact.html`. */
  url: string;
  icon: string;
}

export interface AppEventBinding {
  module: string;
  event: string;
  handler: string;
}

/** An FDK app directory after validation (emulator/fdk/validate.ts). */
export interface LoadedApp {
  dir: string;
  name: string;
  manifest: Manifest;
  templates: Record<string, RequestTemplate>;
  /** From config/iparams.json; undefined when the app uses a custom config/iparams.html. */
  iparamFields?: Record<string, IparamField>;
  /** True when the settings page is config/iparams.html. */
  customSettingsPage: boolean;
  /** From config/entities.json, if any. */
  entities?: Record<string, { fields: EntityField[] }>;
  locations: AppLocation[];
  events: AppEventBinding[];
  functions: Record<string, { timeout?: number }>;
  dependencies: Record<string, string>;
}

/** One installation of the app in one account (platform.md: "installation"). */
export interface InstallationIdentity {
  id: string;
  /** Numeric, always a string (platform.md §3.1). */
  accountId: string;
  /** e.g. demo.myfreshworks.com */
  domain: string;
  region: string;
  currentHost: { subscribed_modules: string[]; endpoint_urls: Record<string, string> };
}

/** Rejections of every platform API carry at least these (platform.md §5.5, §6.1). */
export interface PlatformErrorShape {
  status: number;
  message: string;
  errorSource?: 'APP' | 'PLATFORM';
  [extra: string]: unknown;
}

export type { ScheduleApi, EntityApi, EntityRecord };
export type { ScheduleSpec } from '../../common/platform/schedule';

/** Thrown by emulator services; the sandbox and the front-end API pass `shape` to the app. */
export class PlatformError extends Error {
  constructor(readonly shape: PlatformErrorShape) {
    super(shape.message);
  }
}

/** `$db` in server code and `client.db` in the browser: the same store (platform.md §6). */
export type DbApi = Db;

/**
 * What a running installation offers its code. The sandbox builds `$request`, `$db`,
 * `$schedule` and `generateTargetUrl` from it; the front-end API serves the browser from it.
 */
export interface InstallationServices {
  identity: InstallationIdentity;
  /** All installed iparams, secure ones included (server side only). */
  iparams(): Record<string, unknown>;
  invokeTemplate(caller: Caller, name: string, options?: TemplateInvokeOptions): Promise<TemplateSuccess>;
  db: DbApi;
  schedules: ScheduleApi;
  /** The installation's external-event URL (platform.md §4.2). */
  targetUrl(): string;
}

/** A front-end instance: a placement iframe or a modal/dialog (platform.md §7.5). */
export type InstanceInfo = InstanceContext;

/** One call into server.js (platform.md §2.4–2.6). */
export interface InvocationRequest {
  /** product / setup (onAppInstall…) / external / scheduled events, or an SMI function. */
  kind: 'product' | 'setup' | 'external' | 'scheduled' | 'smi';
  /** The exported function to call. */
  handler: string;
  /** The argument the handler receives (envelope or SMI payload with iparams). */
  payload: Record<string, unknown>;
  /** 20 s by default (platform.md §2.6); tests may shorten it. */
  timeoutMs?: number;
}

export interface InvocationResult {
  /**
   * completed: returned without renderData (events); rendered: renderData was called;
   * error: the handler threw or rejected; timeout: the limit passed, or a setup event / SMI
   * finished without calling renderData (the platform reports that as a timeout).
   */
  outcome: 'completed' | 'rendered' | 'error' | 'timeout';
  /** The first renderData call's arguments; later calls are ignored. */
  rendered?: { error: unknown; data: unknown };
  error?: string;
  logs: Array<{ level: 'log' | 'info' | 'warn' | 'error'; message: string; at: number }>;
  durationMs: number;
}

/** What the sandbox exposes as `$request`, `$db`, `$schedule`, `generateTargetUrl`. */
export interface SandboxServices {
  invokeTemplate(name: string, options?: TemplateInvokeOptions): Promise<TemplateSuccess>;
  db: DbApi;
  schedules: ScheduleApi;
  /** Rejects where the platform does not support it (only onAppInstall and product events). */
  generateTargetUrl(): Promise<string>;
}
