/**
 * Freshsales Suite modules on Platform 3.0: which placeholders and product events each one
 * accepts (platform.md §1.2, §1.3, §1.5). `common` holds app-wide events and placeholders.
 */
export interface ModuleSpec {
  placeholders: readonly string[];
  events: readonly string[];
}

export const COMMON_MODULE = 'common';

export const MODULES: Readonly<Record<string, ModuleSpec>> = {
  common: {
    placeholders: ['full_page_app', 'left_nav_cti', 'left_nav_chat'],
    events: ['onAppInstall', 'afterAppUpdate', 'onAppUninstall', 'onExternalEvent', 'onScheduledEvent'],
  },
  contact: {
    placeholders: ['contact_entity_menu', 'contact_quick_actions'],
    events: ['onContactCreate', 'onContactUpdate'],
  },
  deal: {
    placeholders: ['deal_entity_menu', 'deal_quick_actions'],
    events: ['onDealCreate', 'onDealUpdate'],
  },
  sales_account: {
    placeholders: ['sales_account_entity_menu', 'sales_account_quick_actions'],
    events: ['onSalesAccountCreate', 'onSalesAccountUpdate'],
  },
  task: { placeholders: [], events: ['onTaskCreate', 'onTaskUpdate'] },
  appointment: { placeholders: [], events: ['onAppointmentCreate', 'onAppointmentUpdate'] },
  // The module key is plural, the events singular (§1.2).
  sales_activities: { placeholders: [], events: ['onSalesActivityCreate', 'onSalesActivityUpdate'] },
  phone: { placeholders: [], events: ['onPhoneCallCreate', 'onPhoneCallUpdate'] },
  product: { placeholders: [], events: ['onProductCreate', 'onProductUpdate'] },
  cpq_document: {
    placeholders: [],
    events: ['onCpqDocumentCreate', 'onCpqDocumentUpdate', 'onCpqDocumentDelete'],
  },
  user_agent_availability: { placeholders: [], events: ['onUserAgentAvailabilityUpdate'] },
  // Freshsales Classic only; accepted in a manifest, never fired by a Suite account.
  lead: { placeholders: ['lead_entity_menu', 'lead_quick_actions'], events: ['onLeadCreate', 'onLeadUpdate'] },
};

/** Keys that live only in `modules.common` on Platform 3.0 (in 2.3 they sat under the product). */
export const COMMON_ONLY_KEYS = ['requests', 'functions', 'jobs'] as const;

/** The FDK line each Node.js major runs (platform.md §0.1). */
export const FDK_NODE_MAJOR: Readonly<Record<number, number>> = { 9: 18, 10: 24 };
