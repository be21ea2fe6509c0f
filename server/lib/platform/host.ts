import type { ScheduleApi } from '../../../common/platform/schedule';
import type { GenerateTargetUrl, RenderData, SandboxLog, ServerlessGlobals, ServerlessRequest } from '../../../common/platform/serverless';
import type { EntityApi, KeyValueStore } from '../../../common/platform/storage';

/** The entity that holds the durable queue and the delivery log (config/entities.json). */
export const OUTBOX_ENTITY = 'outbox';
export const ENTITY_VERSION = 'v1';

/**
 * The only code that touches the sandbox globals (as app/src/platform/host.ts is for the
 * front end's `client`). Handlers get this object, so every module below can be tested with
 * in-memory parts and never reads a free variable.
 */
export interface Host {
  request: ServerlessRequest;
  kv: KeyValueStore;
  outbox: EntityApi;
  schedule: ScheduleApi;
  renderData: RenderData;
  log: SandboxLog;
  generateTargetUrl: GenerateTargetUrl;
  /** Epoch ms; the platform's clock. */
  now(): number;
  /** When this invocation started, for the execution budget. */
  readonly startedAt: number;
}

export function hostFrom(globals: ServerlessGlobals): Host {
  let outbox: EntityApi | undefined;
  return {
    request: globals.$request,
    kv: globals.$db,
    // On first use: before installation (a settings-page call) entity storage does not exist.
    get outbox() {
      outbox ??= globals.$db.entity({ version: ENTITY_VERSION }).get(OUTBOX_ENTITY);
      return outbox;
    },
    schedule: globals.$schedule,
    renderData: globals.renderData,
    log: globals.console,
    generateTargetUrl: globals.generateTargetUrl,
    now: () => Date.now(),
    startedAt: Date.now(),
  };
}
