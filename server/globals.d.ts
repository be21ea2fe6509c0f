// Free variables of the FDK sandbox (platform.md §2.2). Only server.ts reads them; it hands
// them to the handlers in lib/, which may be loaded outside the sandbox's global scope.
import type { RenderData, SandboxLog, ServerlessRequest } from '../common/platform/serverless';

declare global {
  const $request: ServerlessRequest;
  const renderData: RenderData;
  const console: SandboxLog;
}
