import type { SimulationResult } from '../platform';

/**
 * The serverless test page `fdk run` serves at /web/test (platform.md §9.3), and the JSON API
 * behind it that the page, `npm run event` and tests share. Types only and constants: the
 * browser script and the CLI import this file too.
 */

export const WEBTEST_PATHS = {
  page: '/web/test',
  events: '/web/test/events',
  simulate: '/web/test/simulate',
  script: '/web/test/client.js',
} as const;

/** App-setup, external and scheduled events: the FDK lists them under "Common" (§9.3, §9.4). */
export const COMMON_GROUP = 'Common';

/** One event the app declares, with its test data as `GET /web/test/events` lists it. */
export interface WebTestEvent {
  /** "Common", or the product module it belongs to. */
  group: string;
  /** The manifest module that declares it ("common", "contact", …). */
  module: string;
  event: string;
  handler: string;
  /** The test data file (relative to the app), or where the 3.0 layout expects it when there is none. */
  testDataFile: string;
  /** The file's text; absent when there is no file. */
  testDataText?: string;
  /** The file's payload when it is a JSON object. */
  testData?: Record<string, unknown>;
  /** Why the file cannot be used: invalid JSON, not an object, too large. */
  testDataError?: string;
}

export interface EventsResponse {
  app: string;
  installed: boolean;
  events: WebTestEvent[];
}

/** `POST /web/test/simulate`; payload omitted → the event's test data file; a string is JSON text. */
export interface SimulateBody {
  event: string;
  module?: string;
  payload?: Record<string, unknown> | string;
}

/** 200 (the handler ran, whether it succeeded or not); refusals are `{message}` with 4xx. */
export type SimulateResponse = SimulationResult & {
  event: string;
  module: string;
  /** "request", or the test data file the payload came from. */
  payloadSource: string;
};

export interface ErrorResponse {
  message: string;
}
