import { isProductEventName, PRODUCT_EVENTS } from './names';

describe('PRODUCT_EVENTS', () => {
  it('maps each handled event to its entity and kind of change', () => {
    expect(PRODUCT_EVENTS).toEqual({
      onContactCreate: { entity: 'contact', change: 'create' },
      onContactUpdate: { entity: 'contact', change: 'update' },
      onDealCreate: { entity: 'deal', change: 'create' },
      onDealUpdate: { entity: 'deal', change: 'update' },
      onSalesAccountCreate: { entity: 'sales_account', change: 'create' },
      onSalesAccountUpdate: { entity: 'sales_account', change: 'update' },
    });
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
