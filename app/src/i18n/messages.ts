import type { CrmFailureKind } from '../../../common/crm/failure';
import { fieldMessages } from './fields-messages';
import { operationMessages } from './operations-messages';
import { sectionMessages } from './sections-messages';

/**
 * Every user-facing string of the front end, in one place for translation. Values with
 * `{name}` placeholders go through `format`.
 */
export const messages = {
  appTitle: 'Companion for Freshsales',
  entityLabel: {
    contact: 'Contact',
    deal: 'Deal',
    sales_account: 'Account',
  },
  entityNoun: {
    contact: 'contact',
    deal: 'deal',
    sales_account: 'account',
  },
  actions: {
    retry: 'Try again',
  },
  failure: {
    unauthorized: 'Freshsales rejected the API key. Ask an admin to update it in the app settings.',
    forbidden: 'Your Freshsales role does not allow this.',
    not_found: 'Freshsales could not find this record. It may have been deleted.',
    invalid: 'Freshsales did not accept the request.',
    rate_limited: 'Freshsales is busy right now. Try again in a minute.',
    server_error: 'Freshsales had a problem answering. Try again in a moment.',
    unreachable: 'Could not reach Freshsales. Check your connection and try again.',
    timeout: 'Freshsales took too long to answer. Try again.',
    platform: 'The app could not send the request. Try again, or contact your admin.',
    bad_response: 'Freshsales sent an answer the app does not understand.',
  } satisfies Record<CrmFailureKind, string>,
  boot: {
    noClient: 'This page must be opened inside Freshsales.',
  },
  sidebar: {
    loading: 'Loading the {entity}…',
    busy: 'Freshsales is busy. Trying again in {seconds} s…',
    busyNow: 'Try now',
    refreshing: 'Updating…',
  },
  writes: {
    failedTitle: 'Not saved',
    failed: '{what} failed: {reason}',
    /** A write whose answer never came (a timeout): the record was read again to find out. */
    unknownTitle: 'Not confirmed',
    unknown: '{what}: no answer in time. Showing what Freshsales has now.',
    unknownUnchecked: '{what}: no answer in time; it may or may not be saved. Reopen to check.',
    landedTitle: 'Saved',
    landed: '{what}: saved (Freshsales answered late).',
    notApplied: 'Freshsales did not apply it.',
    field: 'Saving {label}',
    stage: 'Moving {name}',
    task: 'Completing {title}',
    newTask: 'Creating task {title}',
    note: 'Adding the note',
    newDeal: 'Creating deal {name}',
    newContact: 'Creating contact {name}',
    addContact: 'Adding {name}',
    removeContact: 'Removing {name}',
    reasons: {
      unauthorized: 'the API key was rejected.',
      forbidden: 'your role does not allow it.',
      not_found: 'the record no longer exists.',
      invalid: 'Freshsales refused the change.',
      rate_limited: 'Freshsales is busy; try again in a minute.',
      server_error: 'Freshsales had a problem; try again.',
      unreachable: 'Freshsales could not be reached.',
      timeout: 'Freshsales took too long to answer.',
      platform: 'the app could not send it.',
      bad_response: 'Freshsales sent an unexpected answer.',
    } satisfies Record<CrmFailureKind, string>,
  },
  fields: fieldMessages,
  sections: sectionMessages,
  operations: operationMessages,
} as const;

/** Fill `{name}` placeholders; unknown names stay visible rather than vanish. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
