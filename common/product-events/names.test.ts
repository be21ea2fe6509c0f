import { MODULES } from '../platform/modules';
import { isProductEventName, PRODUCT_EVENTS } from './names';

describe('PRODUCT_EVENTS', () => {
  it('covers both events of the contact, deal and sales-account modules (platform.md §1.2)', () => {
    const declared = ['contact', 'deal', 'sales_account'].flatMap((module) => MODULES[module]?.events ?? []);
    expect(Object.keys(PRODUCT_EVENTS).sort()).toEqual([...declared].sort());
  });

  it.each(Object.entries(PRODUCT_EVENTS))('%s carries data.<its module> and says from its name whether it creates', (name, spec) => {
    expect(MODULES[spec.entity]?.events).toContain(name);
    expect(name.endsWith(spec.change === 'create' ? 'Create' : 'Update')).toBe(true);
  });
});

describe('isProductEventName', () => {
  it.each(['onContactCreate', 'onContactUpdate', 'onDealCreate', 'onDealUpdate', 'onSalesAccountCreate', 'onSalesAccountUpdate'])('knows %s', (name) => {
    expect(isProductEventName(name)).toBe(true);
  });

  it.each(['onTaskCreate', 'onAppInstall', 'onScheduledEvent', 'oncontactcreate', 'onContactCreate ', '', 'toString', 'hasOwnProperty', '__proto__', 'constructor'])(
    'does not know %j',
    (name) => {
      expect(isProductEventName(name)).toBe(false);
    },
  );

  it.each([undefined, null, 1, ['onDealUpdate'], { onDealUpdate: true }])('refuses the non-name %p', (name) => {
    expect(isProductEventName(name)).toBe(false);
  });
});
