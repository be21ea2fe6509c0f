import { FaultController, parseFaultSpec, seededRandom, validateRule } from './faults';

describe('fault rules', () => {
  it('reads the CLI form', () => {
    expect(parseFaultSpec('GET /contacts/:id latency=150 error=0.2:503 hang=0.1:20000 truncate=0.5 malformed=0.25 ratelimit=1 times=3')).toEqual({
      route: 'GET /contacts/:id',
      latencyMs: 150,
      errorRate: 0.2,
      errorStatus: 503,
      hangRate: 0.1,
      hangMs: 20000,
      truncateRate: 0.5,
      malformedRate: 0.25,
      rateLimitRate: 1,
      times: 3,
    });
    expect(parseFaultSpec('latency=150')).toEqual({ route: '*', latencyMs: 150 });
    expect(parseFaultSpec('GET /deals/:id ratelimit=0.5:30')).toEqual({ route: 'GET /deals/:id', rateLimitRate: 0.5, retryAfterSeconds: 30 });
  });

  it('plans 429s with the rule\'s Retry-After, 1 s by default', () => {
    const faults = new FaultController(seededRandom(7));
    faults.add({ route: 'GET /a', rateLimitRate: 1 });
    faults.add({ route: 'GET /b', rateLimitRate: 1, retryAfterSeconds: 45 });
    expect(faults.plan('GET /a').effect).toEqual({ kind: 'rate_limit', retryAfterSeconds: 1 });
    expect(faults.plan('GET /b').effect).toEqual({ kind: 'rate_limit', retryAfterSeconds: 45 });
  });

  it.each([
    ['GET /x error=2', 'fault: errorRate must be between 0 and 1'],
    ['GET /x error=0.5:404', 'fault: errorStatus must be a 5xx status'],
    ['GET /x latency=-1', 'fault: latencyMs must be >= 0'],
    ['GET /x times=0', 'fault: times must be >= 1'],
    ['GET /x ratelimit=1:1.5', 'fault: retryAfterSeconds must be a whole number of seconds >= 0'],
    ['GET /x ratelimit=1:soon', 'fault: retryAfterSeconds must be a whole number of seconds >= 0'],
    ['GET /x slow=1', "fault: cannot read 'slow=1'"],
    ['GET /x latency=abc', "fault: cannot read 'latency=abc'"],
  ])('refuses %s', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });

  it('refuses a rule without a route', () => {
    expect(() => validateRule({ route: '' })).toThrow('fault: route is required');
  });

  it('matches by method and pattern, by pattern for any method, or everything', () => {
    const faults = new FaultController(seededRandom(7));
    faults.add({ route: 'GET /contacts/:id', latencyMs: 10 });
    faults.add({ route: '/contacts/:id', latencyMs: 20 });
    faults.add({ route: '*', latencyMs: 5 });
    expect(faults.plan('GET /contacts/:id').latencyMs).toBe(35);
    expect(faults.plan('PUT /contacts/:id').latencyMs).toBe(25);
    expect(faults.plan('GET /deals/:id').latencyMs).toBe(5);
  });

  it('retires a rule after `times` matching calls, and can remove or clear rules', () => {
    const faults = new FaultController(seededRandom(7));
    const id = faults.add({ route: '*', errorRate: 1, times: 2 });
    expect(faults.list()).toEqual([{ route: '*', errorRate: 1, id, times: 2 }]);
    expect(faults.plan('GET /a').effect).toEqual({ kind: 'error', status: 500 });
    expect(faults.plan('GET /a').effect).toEqual({ kind: 'error', status: 500 });
    expect(faults.plan('GET /a').effect).toEqual({ kind: 'none' });
    const other = faults.add({ route: '*', hangRate: 1 });
    expect(faults.plan('GET /a').effect).toEqual({ kind: 'hang', ms: 60_000 });
    expect(faults.remove(other)).toBe(true);
    expect(faults.remove(other)).toBe(false);
    faults.add({ route: '*', truncateRate: 1 });
    faults.clear();
    expect(faults.list()).toEqual([]);
  });

  it('hits about the configured share of calls, the same way for the same seed', () => {
    const run = () => {
      const faults = new FaultController(seededRandom(42));
      faults.add({ route: '*', errorRate: 0.25 });
      return Array.from({ length: 2000 }, () => faults.plan('GET /a').effect.kind);
    };
    const first = run();
    const errors = first.filter((kind) => kind === 'error').length;
    expect(errors).toBeGreaterThan(400);
    expect(errors).toBeLessThan(600);
    expect(run()).toEqual(first);
  });
});
