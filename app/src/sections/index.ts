import type { ReactElement } from 'react';
import type { EntityType } from '../../../common/platform/client';
import type { SectionName } from '../../../common/sidebar-settings';
import type { CurrentUser, DataFor, SidebarActions } from '../data/types';
import { AccountContactsSection } from './AccountContactsSection';
import { AccountsSection } from './AccountsSection';
import { ActivitiesSection } from './ActivitiesSection';
import { AppointmentsSection } from './AppointmentsSection';
import { DealAccountSection } from './DealAccountSection';
import { DealContactsSection } from './DealContactsSection';
import { DealsSection } from './DealsSection';
import { NotesSection } from './NotesSection';
import { PipelineSection } from './PipelineSection';
import { TasksSection } from './TasksSection';

export { AccountContactsSection } from './AccountContactsSection';
export { AccountsSection } from './AccountsSection';
export { AppointmentsSection } from './AppointmentsSection';
export { DealAccountSection } from './DealAccountSection';
export { DealContactsSection } from './DealContactsSection';
export { DealsSection } from './DealsSection';
export { NotesSection } from './NotesSection';
export { PipelineSection } from './PipelineSection';
export { EmptyState, PagedList, Section, Unavailable } from './Section';
export { TasksSection } from './TasksSection';
export type { SectionProps } from './types';

export type RelatedSection<E extends EntityType> = (props: { data: DataFor<E>; actions: SidebarActions; currentUser?: CurrentUser }) => ReactElement;

/** The related-record sections of each sidebar by settings name ('summary' is wired by the sidebar root). */
export const RELATED_SECTIONS: { [E in EntityType]: Partial<Record<SectionName<E>, RelatedSection<E>>> } = {
  contact: {
    accounts: AccountsSection,
    deals: DealsSection,
    tasks: TasksSection,
    appointments: AppointmentsSection,
    activities: ActivitiesSection,
    notes: NotesSection,
  },
  deal: {
    contacts: DealContactsSection,
    account: DealAccountSection,
    tasks: TasksSection,
    appointments: AppointmentsSection,
    activities: ActivitiesSection,
    notes: NotesSection,
  },
  sales_account: {
    pipeline: PipelineSection,
    contacts: AccountContactsSection,
    deals: DealsSection,
    tasks: TasksSection,
  },
};
