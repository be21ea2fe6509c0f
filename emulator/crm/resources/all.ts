import { registerAppointments } from './appointments';
import { registerContacts } from './contacts';
import { registerDeals } from './deals';
import type { RegisterRoutes } from './index';
import { registerLists } from './lists';
import { registerNotes } from './notes';
import { registerPhoneCalls } from './phone-calls';
import { registerProducts } from './products';
import { registerSalesAccounts } from './sales-accounts';
import { registerSalesActivities } from './sales-activities';
import { registerSearch } from './search';
import { registerSelectors } from './selectors';
import { registerSettings } from './settings';
import { registerTasks } from './tasks';

/** Every resource the stand-in serves (freshsales-api.md §2). */
export const ALL_RESOURCES: RegisterRoutes[] = [
  registerContacts,
  registerSalesAccounts,
  registerDeals,
  registerNotes,
  registerProducts,
  registerTasks,
  registerAppointments,
  registerSalesActivities,
  registerPhoneCalls,
  registerSelectors,
  registerSettings,
  registerSearch,
  registerLists,
];
