/**
 * Method + path pattern → handler. Patterns use `:name` segments; each route keeps its
 * pattern so faults and statistics can address "GET /contacts/:id" rather than one URL.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Match<H> {
  route: string;
  handler: H;
  params: Record<string, string>;
}

interface Route<H> {
  method: Method;
  pattern: string;
  segments: string[];
  handler: H;
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const value = actual[index] as string;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return undefined;
  }
  return params;
}

export class Router<H> {
  /** Kept with the most literal patterns first, so `/contacts/filters` beats `/contacts/:id`. */
  private readonly routes: Array<Route<H>> = [];

  add(method: Method, pattern: string, handler: H): this {
    this.routes.push({ method, pattern, segments: split(pattern), handler });
    this.routes.sort((a, b) => literalCount(b) - literalCount(a));
    return this;
  }

  match(method: string, path: string): Match<H> | 'method-not-allowed' | undefined {
    const actual = split(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, actual);
      if (params === undefined) continue;
      if (route.method === method) return { route: `${route.method} ${route.pattern}`, handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }

  list(): string[] {
    return this.routes.map((route) => `${route.method} ${route.pattern}`);
  }
}

function literalCount<H>(route: Route<H>): number {
  return route.segments.filter((segment) => !segment.startsWith(':')).length;
}
