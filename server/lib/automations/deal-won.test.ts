import { created, json, rejection, script, testHost } from '../../testing/host';
import { queuedJob, runContext, runJobTo } from '../../testing/jobs';
import type { DealWonInput } from './deal-won';
import { MAX_JOB_ATTEMPTS, runJob } from './runner';

const WON_AT = Date.parse('2026-12-02T09:00:00Z');
const INPUT: DealWonInput = {
  dealId: 402000401005,
  dealName: 'Acme renewal',
  ownerId: 402000000011,
  stageName: 'Won',
  contactIds: [402000000501, 402000000502, 402000000503],
  tasks: [
    { title: 'Send a welcome pack', dueInDays: 1 },
    { title: 'Book the kickoff call', dueInDays: 3 },
  ],
  lifecycleStage: 'Customer',
  at: WON_AT,
};

const LIFECYCLE = json(200, { lifecycle_stages: [{ id: 402009647298, name: 'Lead' }, { id: 402009647300, name: 'Customer' }] });
const contactUpdated = () => json(200, { contact: { id: 1 } });

function crm(overrides: Record<string, Parameters<typeof script>[0][string]> = {}) {
  return script({ createTask: created('task'), createNote: created('note'), updateContact: contactUpdated, listLifecycleStages: () => LIFECYCLE, ...overrides });
}

async function run(test: ReturnType<typeof testHost>, input: DealWonInput = INPUT, key = 'dw:402000401005:1796202000') {
  const context = runContext(test);
  await context.budget.reserve(30);
  const item = await runJobTo(await queuedJob(test, 'deal_won', key, input), context);
  await context.budget.release();
  return item;
}

describe('deal won', () => {
  it('creates the tasks for the owner on the deal, moves every contact, then notes what it did', async () => {
    const test = testHost(crm());
    const item = await run(test);
    expect(item.status).toBe('done');
    expect(test.calls().map((call) => call.name)).toEqual(['createTask', 'createTask', 'listLifecycleStages', 'updateContact', 'updateContact', 'updateContact', 'createNote']);
    expect(test.calls('createTask').map((call) => call.body.task)).toEqual([
      expect.objectContaining({ title: 'Send a welcome pack', due_date: '2026-12-03T09:00:00.000Z', owner_id: 402000000011, targetable_type: 'Deal', targetable_id: INPUT.dealId }),
      expect.objectContaining({ title: 'Book the kickoff call', due_date: '2026-12-05T09:00:00.000Z', owner_id: 402000000011, targetable_type: 'Deal', targetable_id: INPUT.dealId }),
    ]);
    expect(test.calls('updateContact').map((call) => [call.context.id, call.body])).toEqual(INPUT.contactIds.map((id) => [id, { contact: { lifecycle_stage_id: 402009647300 } }]));
    const note = test.calls('createNote')[0]?.body.note;
    expect(note).toMatchObject({ targetable_type: 'Deal', targetable_id: INPUT.dealId });
    expect(note.description).toBe(
      'Deal won (Won). Companion for Freshsales followed up:\n' +
        'Created 2 follow-up tasks: “Send a welcome pack” due 2026-12-03, “Book the kickoff call” due 2026-12-05.\n' +
        'Moved 3 contacts to the lifecycle stage Customer.',
    );
  });

  it('knows the lifecycle stage ids afterwards: a second win costs no lookup', async () => {
    const test = testHost(crm());
    await run(test);
    test.invokeTemplate.mockClear();
    await run(test, { ...INPUT, dealId: 7 }, 'dw:7:1');
    expect(test.calls('listLifecycleStages')).toEqual([]);
    expect(test.calls('updateContact')).toHaveLength(3);
  });

  it('finds the stage whatever its capitals, and leaves the tasks out when none are configured', async () => {
    const test = testHost(crm());
    await run(test, { ...INPUT, tasks: [], lifecycleStage: ' customer ' });
    expect(test.calls('createTask')).toEqual([]);
    expect(test.calls('updateContact')).toHaveLength(3);
  });

  it('a contact deleted since is counted, not retried', async () => {
    const test = testHost(crm({ updateContact: (options, call) => (call === 2 ? rejection(404, 'APP', '{"errors":{"code":404,"message":"Contact not found"}}') : contactUpdated()) }));
    const item = await run(test);
    expect(item.status).toBe('done');
    expect(test.calls('createNote')[0]?.body.note.description).toContain('Moved 2 contacts to the lifecycle stage Customer (1 deleted since).');
  });

  it('a lifecycle stage the account does not have: contacts stay, the note says why', async () => {
    const test = testHost(crm());
    const item = await run(test, { ...INPUT, lifecycleStage: 'Client' });
    expect(item.status).toBe('done');
    expect(test.calls('updateContact')).toEqual([]);
    const description: string = test.calls('createNote')[0]?.body.note.description;
    expect(description).toContain('Not done: no lifecycle stage is named “Client”.');
    expect(description).not.toContain('Moved');
  });

  it('a task whose answer never came (timeout) is not sent again and is reported as unconfirmed', async () => {
    const test = testHost(crm({ createTask: (options, call) => (call === 1 ? rejection(504, 'PLATFORM') : created('task')(options)) }));
    const item = await run(test);
    expect(item.status).toBe('done');
    expect(test.calls('createTask')).toHaveLength(2);
    expect(item.log.find((entry) => entry.step === 'task:0')?.outcome).toBe('unknown');
    expect(test.calls('createNote')[0]?.body.note.description).toContain('Created 1 follow-up task: “Book the kickoff call” due 2026-12-05. 1 task could not be created or confirmed.');
  });

  it('a 429 stops the job after what was done; the next run does only the rest', async () => {
    const test = testHost(crm({ createTask: (options, call) => (call === 2 ? rejection(429, 'APP', '', { 'Retry-After': '120' }) : created('task')(options)) }));
    const first = await run(test);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.dueAt).toBe(test.clock.now() + 2 * 60_000);
    expect(first.state).toMatchObject({ claimed: true, done: ['task:0'] });
    test.clock.advance(2 * 60_000);
    const context = runContext(test);
    await context.budget.reserve(30);
    const second = await runJobTo(first, context);
    expect(second.status).toBe('done');
    expect(test.calls('createTask').map((call) => call.body.task.title)).toEqual(['Send a welcome pack', 'Book the kickoff call', 'Book the kickoff call']);
    expect(test.calls('createNote')[0]?.body.note.description).toContain('Created 2 follow-up tasks');
  });

  it('without request budget it waits without counting an attempt or calling anyone', async () => {
    const test = testHost(crm());
    // Another invocation took this minute's whole server share.
    await runContext(test).budget.reserve(30);
    const job = await queuedJob(test, 'deal_won', 'dw:1:1', INPUT);
    expect(await runJob(job, runContext(test))).toBeUndefined();
    expect(test.invokeTemplate).not.toHaveBeenCalled();
    // Not even its claim is taken: that store operation is kept for when it can run.
    await expect(test.host.kv.get('once:dw:1:1')).rejects.toMatchObject({ status: 404 });
  });

  it('gives up after the last attempt and keeps the job, dead, for replay', async () => {
    const test = testHost(crm({ createTask: () => rejection(503, 'APP') }));
    const context = runContext(test);
    await context.budget.reserve(30);
    const item = await runJobTo({ ...(await queuedJob(test, 'deal_won', 'dw:1:1', INPUT)), attempts: MAX_JOB_ATTEMPTS - 1 }, context);
    expect(item.status).toBe('dead');
    expect(item.log.at(-1)).toMatchObject({ step: 'task:0', outcome: 'retry' });
  });

  it('a job whose input cannot be read is dead at once, with the reason', async () => {
    const test = testHost(crm());
    const item = await runJobTo({ ...(await queuedJob(test, 'deal_won', 'dw:1:1', INPUT)), body: '{"dealId":"x"}' }, runContext(test));
    expect(item.status).toBe('dead');
    expect(item.log.at(-1)?.answer).toBe('the deal_won job input is unreadable');
  });
});

describe('once per transition', () => {
  it('a second job for the same win finds the key claimed and does nothing', async () => {
    const test = testHost(crm());
    await run(test);
    test.invokeTemplate.mockClear();
    const twin = await run(test);
    expect(twin.status).toBe('skipped');
    expect(twin.log.at(-1)?.answer).toMatch(/^already done by outbox item \d+$/);
    expect(test.invokeTemplate).not.toHaveBeenCalled();
  });

  it('saves its progress after every step, so a run cut short repeats at most the step in flight', async () => {
    const test = testHost(crm());
    const context = runContext(test);
    await context.budget.reserve(30);
    const saved: string[][] = [];
    await runJobTo(await queuedJob(test, 'deal_won', 'dw:1:1', INPUT), context, (item) => {
      saved.push(item.state.done as string[]);
      return Promise.resolve();
    });
    // After each write but the last (the job's own save follows it); the lookup is a read.
    expect(saved.map((done) => done.at(-1))).toEqual(['task:0', 'task:1', ...INPUT.contactIds.map((id) => `contact:${id}`)]);
  });

  it('the job holding the claim recognises it when it runs again with unsaved progress', async () => {
    const test = testHost(crm());
    const job = await queuedJob(test, 'deal_won', 'dw:1:1', INPUT);
    const context = runContext(test);
    await context.budget.reserve(30);
    await runJobTo(job, context);
    await context.budget.release();
    // Same item, progress not saved (as if the run was cut before its save).
    const again = runContext(test);
    await again.budget.reserve(30);
    expect((await runJobTo(job, again)).status).toBe('done');
  });

  it('when the store cannot take the claim now, the job waits for the next run', async () => {
    const test = testHost(crm());
    const job = await queuedJob(test, 'deal_won', 'dw:1:1', INPUT);
    const context = runContext(test);
    await context.budget.reserve(30);
    jest.spyOn(test.host.kv, 'set').mockRejectedValue({ status: 429, message: 'Rate limit exceeded' });
    jest.spyOn(test.host.kv, 'get').mockRejectedValue({ status: 429, message: 'Rate limit exceeded' });
    const item = await runJobTo(job, context);
    expect(item).toMatchObject({ status: 'pending', attempts: 0 });
    expect(test.invokeTemplate).not.toHaveBeenCalled();
  });
});
