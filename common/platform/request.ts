/**
 * The request method (platform.md §5), shared by the front-end `client.request` and the
 * serverless `$request`: the same options, success shape and rejection shape.
 */

/** Values a template may substitute as `<%= context.x %>`. */
export type TemplateContext = Record<string, string | number>;

export interface TemplateInvokeOptions {
  context?: TemplateContext;
  /** The request body, already a string: the platform never serialises it for us. */
  body?: string;
  /** Front end only: cache the response for `ttl` ms (platform.md §5.3). */
  cache?: boolean;
  ttl?: number;
}

/** A 2xx answer. `response` is always the raw body string, even for JSON. */
export interface TemplateSuccess {
  status: number;
  headers: Record<string, string>;
  response: string;
  attempts?: number;
}

/**
 * What a rejected invocation carries: the third party's status, headers and body (`APP`), or
 * a status the platform made up itself (`PLATFORM`: 400 template error, 403 policy, 415
 * content type, 429 request-method limit, 502 connection, 504 timeout).
 */
export interface TemplateFailureShape {
  status: number;
  headers?: Record<string, string>;
  response?: string;
  message?: string;
  errorSource?: 'APP' | 'PLATFORM';
  attempts?: number;
}

export type InvokeTemplate = (name: string, options?: TemplateInvokeOptions) => Promise<TemplateSuccess>;
