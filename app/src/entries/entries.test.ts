import { startSidebar } from '../start';

jest.mock('../start', () => ({ startSidebar: jest.fn(() => Promise.resolve()) }));

const start = jest.mocked(startSidebar);

beforeEach(() => {
  start.mockClear();
});

describe('placement entries', () => {
  it.each([
    ['./contact', 'contact'],
    ['./deal', 'deal'],
    ['./account', 'sales_account'],
  ])('%s starts the %s sidebar once', async (entry, entity) => {
    await jest.isolateModulesAsync(async () => {
      await import(entry);
    });
    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith(entity);
  });
});
