// Free variables of the FDK sandbox (platform.md §2.2). Only server.ts reads them; it hands
// them to lib/platform/host.ts, so modules below may be loaded outside the sandbox's global scope.
import type { ScheduleApi } from '../common/platform/schedule';
import type { GenerateTargetUrl, RenderData, SandboxLog, ServerlessRequest } from '../common/platform/serverless';
import type { Db } from '../common/platform/storage';

declare global {
  const $request: ServerlessRequest;
  const $db: Db;
  const $schedule: ScheduleApi;
  const generateTargetUrl: GenerateTargetUrl;
  const renderData: RenderData;
  const console: SandboxLog;
}
