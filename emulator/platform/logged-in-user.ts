/**
 * Who the emulator signs in as (platform.md §7.2 `loggedInUser`): a real user of the account the
 * templates go to, so what the app creates "owned by you" is owned by someone Freshsales takes
 * as an owner. `--user-email` picks one; otherwise the first active owner. A deactivated user
 * (`is_active: false`) is never chosen: Freshsales refuses records owned by one.
 */

/** A user as `GET /selector/owners` lists it (freshsales-api.md §6), plus what the stand-in knows. */
export interface AccountUser {
  id: number;
  display_name: string;
  email: string;
  is_active?: boolean;
  work_number?: string | null;
  mobile_number?: string | null;
  job_title?: string | null;
  language?: string;
  time_zone?: string;
  deal_pipeline_id?: number | null;
}

const isActive = (user: AccountUser) => user.is_active !== false;
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function describeActive(users: AccountUser[]): string {
  const emails = users.filter(isActive).map((user) => user.email);
  return emails.length === 0 ? 'it has no active user' : `its active users are ${emails.join(', ')}`;
}

/** The user with `email` (any case), else the first active one; an Error that says why not. */
export function chooseUser(users: AccountUser[], where: string, email?: string): AccountUser {
  if (email === undefined) {
    const first = users.find(isActive);
    if (first === undefined) throw new Error(`${where} has no active user to sign in as`);
    return first;
  }
  const named = users.find((user) => sameEmail(user.email, email));
  if (named !== undefined && isActive(named)) return named;
  const why = named === undefined ? 'is not a user of' : 'is deactivated in';
  throw new Error(`--user-email ${email} ${why} ${where}: ${describeActive(users)}`);
}

/** The signed-in user as `client.data.get('loggedInUser')` gives it. */
export function loggedInUserJson(user: AccountUser, accountId: string): Record<string, unknown> {
  return {
    id: user.id,
    display_name: user.display_name,
    email: user.email,
    is_active: true,
    work_number: user.work_number ?? null,
    mobile_number: user.mobile_number ?? null,
    job_title: user.job_title ?? null,
    language: user.language ?? 'en',
    time_zone: user.time_zone ?? 'UTC',
    deal_pipeline_id: user.deal_pipeline_id ?? null,
    account_id: accountId,
    abilities: [],
    territory_ids: [],
  };
}

const API_PREFIX = '/crm/sales/api';

function ownersUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed.endsWith(API_PREFIX) ? trimmed : `${trimmed}${API_PREFIX}`}/selector/owners`;
}

function usersOf(body: unknown): AccountUser[] | undefined {
  const users = typeof body === 'object' && body !== null ? (body as { users?: unknown }).users : undefined;
  return Array.isArray(users) ? (users as AccountUser[]) : undefined;
}

/**
 * The account's users through `GET /selector/owners` on a Freshsales-compatible server (a
 * `--crm-url` base, with or without `/crm/sales/api`, or a live account's `https://<domain>`).
 */
export async function fetchAccountUsers(base: string, apiKey: string): Promise<AccountUser[]> {
  const url = ownersUrl(base);
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Token token=${apiKey}`, Accept: 'application/json' } });
  } catch (error) {
    throw new Error(`Could not read the users of ${url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const users = response.ok ? usersOf(await response.json().catch(() => undefined)) : undefined;
  if (users === undefined) throw new Error(`Could not read the users of ${url}: it answered ${response.status} without a "users" list`);
  return users;
}
