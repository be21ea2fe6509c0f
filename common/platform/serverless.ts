import type { InvokeTemplate } from './request';


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

/** The platform pieces a handler needs, passed in so handlers stay testable outside the sandbox. */
export interface HandlerPlatform {
  request: ServerlessRequest;
  renderData: RenderData;
  log: SandboxLog;
}
