import type { RecordOperations } from '../data/record-operations';

/** Every record operation as a jest mock that succeeds; override one to watch or fail it. */
export type FakeRecordOperations = { [K in keyof RecordOperations]: jest.MockedFunction<RecordOperations[K]> };

const saved = () => jest.fn(() => Promise.resolve({ status: 'saved' as const, value: null }));

export function fakeRecordOperations(overrides: Partial<RecordOperations> = {}): FakeRecordOperations {
  return {
    createAppointment: saved(),
    updateAppointment: saved(),
    deleteAppointment: saved(),
    updateNote: saved(),
    deleteNote: saved(),
    updateTask: saved(),
    deleteTask: saved(),
    activityTypes: jest.fn(() => Promise.resolve({ ok: true as const, value: [] })),
    logActivity: jest.fn(() => Promise.resolve({ status: 'saved' as const, value: { id: 1, title: 'Logged', start_date: '2024-05-10T12:00:00Z' } })),
    recordActivities: jest.fn(() => Promise.resolve({ ok: true as const, value: { activities: [], more: false } })),
    lifecycleStages: jest.fn(() => Promise.resolve({ ok: true as const, value: [] })),
    contactStatuses: jest.fn(() => Promise.resolve({ ok: true as const, value: [] })),
    convertLead: jest.fn(() => Promise.resolve({ status: 'saved' as const, done: [] })),
    ...overrides,
  } as unknown as FakeRecordOperations;
}
