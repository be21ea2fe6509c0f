import { created, rejection, script, testHost } from '../../testing/host';
import { queuedJob, runContext, runJobTo } from '../../testing/jobs';
import type { DealLostInput } from './deal-lost';
import { lostNote } from './deal-lost';


const INPUT: DealLostInput = {
  dealId: 402000401009,
  dealName: 'Globex expansion',
  ownerId: 402000000012,
  stageName: 'Lost',
  reason: 'Chose a competitor',
  task: { title: 'Ask for feedback', dueInDays: 7 },
  at: Date.parse('2026-12-02T09:00:00Z'),
};

async function run(test: ReturnType<typeof testHost>, input: DealLostInput) {
  const context = runContext(test);
  await context.budget.reserve(30);
  return runJobTo(await queuedJob(test, 'deal_lost', `dl:${input.dealId}:1`, input), context);
}

describe('deal lost', () => {
  it('creates the follow-up task for the owner, then a note with the lost reason', async () => {
    const test = testHost(script({ createTask: created('task'), createNote: created('note') }));
    const item = await run(test, INPUT);
    expect(item.status).toBe('done');
    expect(test.calls('createTask')[0]?.body.task).toMatchObject({ title: 'Ask for feedback', owner_id: INPUT.ownerId, targetable_type: 'Deal', targetable_id: INPUT.dealId, due_date: '2026-12-09T09:00:00.000Z' });
    expect(test.calls('createNote')[0]?.body.note.description).toBe(
      'Deal lost (Lost).\nLost reason: Chose a competitor.\nCompanion for Freshsales created the task “Ask for feedback” due 2026-12-09.',
    );
  });

  it('without a configured task only the note is written, and it says when no reason was given', async () => {
    const test = testHost(script({ createNote: created('note') }));
    await run(test, { ...INPUT, task: null, reason: null, stageName: null });
    expect(test.calls().map((call) => call.name)).toEqual(['createNote']);
    expect(test.calls('createNote')[0]?.body.note.description).toBe('Deal lost.\nNo lost reason was given.');
  });

  it('a task Freshsales refuses is reported in the note, the note is still written', async () => {
    const test = testHost(script({ createTask: () => rejection(400, 'APP', '{"errors":{"code":400,"message":["Owner is invalid"]}}'), createNote: created('note') }));
    const item = await run(test, INPUT);
    expect(item.status).toBe('done');
    expect(item.log[0]).toMatchObject({ step: 'task', outcome: 'failed', answer: expect.stringContaining('Owner is invalid') });
    expect(test.calls('createNote')[0]?.body.note.description).toContain('The follow-up task “Ask for feedback” could not be created or confirmed.');
  });

  it('lostNote leaves the task line out when there was no task', () => {
    expect(lostNote({ ...INPUT, task: null }, {})).toBe('Deal lost (Lost).\nLost reason: Chose a competitor.');
  });
});
