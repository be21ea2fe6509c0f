import { crmUserSchema, ownersResponseSchema } from './users';

describe('owners response', () => {
  it('accepts the /selector/owners answer under the key users, with optional fields', () => {
    const answer = {
      users: [
        { id: 31016358306, display_name: 'Ann Lee', email: 'ann@example.com', is_active: true, work_number: null },
        { id: 2, display_name: 'Bo', email: null },
        { id: 3, display_name: 'Cy' },
      ],
    };
    const parsed = ownersResponseSchema.safeParse(answer);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(answer);
  });

  it('refuses an answer under owners instead of users', () => {
    expect(ownersResponseSchema.safeParse({ owners: [] }).success).toBe(false);
  });

  it('refuses a user whose id is a string or whose name is missing', () => {
    expect(crmUserSchema.safeParse({ id: '1', display_name: 'A' }).success).toBe(false);
    expect(crmUserSchema.safeParse({ id: 1 }).success).toBe(false);
    expect(crmUserSchema.safeParse({ id: 1, display_name: 'A', is_active: 'yes' }).success).toBe(false);
  });
});
