import type { InvokeTemplate } from './request';
import type { ScheduleApi } from './schedule';
import type { Db } from './storage';

/** Globals the FDK sandbox gives `server.js` (platform.md §2.2), typed once here. */
export interface ServerlessRequest {
  invokeTemplate: InvokeTemplate;
}

/** Answers an SMI call or completes an app-setup event (platform.md §2.5). Call it once. */
export type RenderData = (error?: RenderError | null, data?: unknown) => void;

/** On `onAppInstall` the message is shown to the installer and must fit in 60 characters. */
export interface RenderError {
  status?: number;
  message: string;
}

export const RENDER_MESSAGE_MAX = 60;

/** The sandbox's `console`, captured per invocation by the platform (platform.md §2.8). */
export interface SandboxLog {
  info(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
}

/** The per-installation webhook URL; only in onAppInstall and product-event handlers (§4.2). */
export type GenerateTargetUrl = () => Promise<string>;

/**
 * Every free variable the platform defines for server code, by its sandbox name. The emulator
 * builds exactly these; server.ts hands them to the app's one wrapper.
 */
export interface ServerlessGlobals {
  $request: ServerlessRequest;
  $db: Db;
  $schedule: ScheduleApi;
  generateTargetUrl: GenerateTargetUrl;
  renderData: RenderData;
  console: SandboxLog;
}
