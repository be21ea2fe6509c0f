import { mountSidebar } from '../boot';

jest.mock('../boot', () => ({ mountSidebar: jest.fn(() => Promise.resolve()) }));

const mount = jest.mocked(mountSidebar);

beforeEach(() => {
  mount.mockClear();
});

describe('placement entries', () => {
  it.each([
    ['./contact', 'contact'],
    ['./deal', 'deal'],
    ['./account', 'sales_account'],
  ])('%s mounts the %s sidebar once', async (entry, entityType) => {
    await jest.isolateModulesAsync(async () => {
      await import(entry);
    });
    expect(mount).toHaveBeenCalledTimes(1);
    expect(mount).toHaveBeenCalledWith(entityType);
  });
});
