import type { CurrentUser, SidebarActions, SidebarData } from '../data/types';

/** What every related section receives from the sidebar root. */
export interface SectionProps<D extends SidebarData = SidebarData> {
  data: D;
  actions: SidebarActions;
  currentUser?: CurrentUser;
  /** The admin's installation settings (which custom fields create forms offer). */
  settings?: Record<string, unknown>;
  /** The moment "overdue" and "upcoming" are measured from; tests pin it, the app leaves it out. */
  now?: Date;
}
