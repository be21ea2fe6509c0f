import type { CrmFailure, CrmFailureKind } from '../../../common/crm/failure';
import { DOMAIN_MESSAGES, SECURE_IPARAMS } from '../../../common/iparams';
import { defaultSections, SECTIONS } from '../../../common/sidebar-settings';
import type { FieldSettingsEntity } from '../../../common/templates';
import { fail, ok } from '../../../common/validation';
import { DEFAULT_WEBHOOK_TYPES } from '../../../common/webhooks/types';
import { checkLocally, checkRemotely, GENERAL, publicValues, SETTING_NAMES, type CrmProbe, type Values } from './check';
import { AUTOMATION_DEFAULTS, AUTOMATION_IPARAMS as P } from './iparams';

const KEY = 'Zx9-very-secret-api-key-Q7';
const SECRET = `whsec_${Buffer.from('a signing key of thirty-two bytes').toString('base64')}`;

/** What the settings page sends for a fresh install: its defaults, a domain and a key. */
function pageValues(extra: Values = {}): Values {
  return {
    domain: 'acme.myfreshworks.com',
    api_key: KEY,
    contact_sections: defaultSections('contact'),
    deal_sections: defaultSections('deal'),
    account_sections: defaultSections('sales_account'),
    contact_custom_fields: 'all',
    deal_custom_fields: 'all',
    account_custom_fields: 'all',
    ...AUTOMATION_DEFAULTS,
    [P.webhookSecret]: '',
    ...extra,
  };
}

const failure = (kind: CrmFailureKind): CrmFailure => ({ kind, messages: [], detail: `HTTP for ${kind}` });

const ACCOUNT_FIELDS: Record<FieldSettingsEntity, string[]> = {
  contacts: ['first_name', 'cf_tier', 'cf_birthday'],
  deals: ['name', 'amount', 'cf_region'],
  sales_accounts: ['name', 'cf_segment'],
};

function fakeProbe(owners: Awaited<ReturnType<CrmProbe['owners']>> = ok({ users: [] }), fields: (entity: FieldSettingsEntity) => ReturnType<CrmProbe['fieldNames']> = (entity) => Promise.resolve(ok(ACCOUNT_FIELDS[entity]))) {
  return { owners: jest.fn(() => Promise.resolve(owners)), fieldNames: jest.fn(fields) };
}

describe('checkLocally', () => {
  it('passes what the settings page offers for a new install, normalised to itself', () => {
    const check = checkLocally(pageValues());
    expect(check.errors).toEqual({});
    expect(check.values).toEqual(pageValues());
  });

  it('knows every setting it checks by name', () => {
    expect(Object.keys(checkLocally(pageValues()).values).sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('normalises the domain and what admins type loosely', () => {
    const check = checkLocally(
      pageValues({
        domain: '  HTTPS://Acme.MyFreshworks.com/ ',
        api_key: ` ${KEY}\n`,
        contact_sections: 'Notes, SUMMARY, notes',
        deal_custom_fields: 'ALL',
        account_custom_fields: ' None ',
        [P.phoneCountry]: ' de ',
        [P.webhookHost]: ' Hooks.Example.COM ',
        [P.webhookPath]: '',
        [P.webhookSecret]: ` ${SECRET} `,
        [P.webhookMaxAttempts]: ' 5 ',
      }),
    );
    expect(check.errors).toEqual({});
    expect(check.values).toMatchObject({
      domain: 'acme.myfreshworks.com',
      api_key: KEY,
      contact_sections: 'notes, summary',
      deal_custom_fields: 'all',
      account_custom_fields: 'none',
      [P.phoneCountry]: 'DE',
      [P.webhookHost]: 'hooks.example.com',
      [P.webhookPath]: '/',
      [P.webhookSecret]: SECRET,
      [P.webhookMaxAttempts]: 5,
    });
  });

  it('reads an absent setting (an installation older than it) as its default', () => {
    const check = checkLocally({ domain: 'acme.myfreshworks.com', api_key: KEY });
    expect(check.errors).toEqual({});
    expect(check.values).toMatchObject({ contact_sections: SECTIONS.contact.join(', '), deal_custom_fields: 'all', [P.webhookEvents]: DEFAULT_WEBHOOK_TYPES });
  });

  it('names each problem next to its setting, in words for the admin', () => {
    const check = checkLocally(
      pageValues({
        domain: 'acme.freshsales.io',
        api_key: '  ',
        deal_sections: '',
        account_sections: 'summary, notes',
        contact_custom_fields: 'cf_tier, job_title',
        [P.dealWonTasks]: 'Call them',
        [P.webhookHost]: 'hooks.example.com',
      }),
    );
    expect(check.errors).toEqual({
      domain: DOMAIN_MESSAGES.notFreshworks('acme.freshsales.io'),
      api_key: 'Enter your Freshsales API key (Profile settings > API settings).',
      deal_sections: expect.stringMatching(/^The deal sidebar needs at least one section/),
      account_sections: expect.stringMatching(/^Not a section of the account sidebar: "notes"/),
      contact_custom_fields: expect.stringMatching(/^Not a custom field name: "job_title"/),
      [P.dealWonTasks]: 'Write tasks as "Title | days", separated by ";".',
      [P.webhookSecret]: expect.stringMatching(/^Enter a signing secret like whsec_/),
    });
    expect(JSON.stringify(check.errors)).not.toContain(KEY);
  });
});

describe('checkRemotely', () => {
  it('checks the credentials once and looks up nothing when every list is all or none', async () => {
    const probe = fakeProbe();
    const check = await checkRemotely(checkLocally(pageValues({ deal_custom_fields: 'none' })), probe);
    expect(check.errors).toEqual({});
    expect(probe.owners).toHaveBeenCalledTimes(1);
    expect(probe.fieldNames).not.toHaveBeenCalled();
  });

  it('makes no call when the domain or the key is wrong', async () => {
    const probe = fakeProbe();
    for (const wrong of [{ domain: 'https://example.com' }, { api_key: '' }]) {
      const check = await checkRemotely(checkLocally(pageValues(wrong)), probe);
      expect(Object.keys(check.errors)).toHaveLength(1);
    }
    expect(probe.owners).not.toHaveBeenCalled();
  });

  it.each([
    ['unauthorized', 'api_key', /^Freshsales refused this API key/],
    ['forbidden', 'api_key', /may not read the account's users/],
    ['not_found', 'domain', /^No Freshsales Suite account answers at this domain/],
    ['unreachable', 'domain', /^Could not reach Freshsales/],
    ['timeout', 'domain', /did not answer in time/],
    ['bad_response', 'domain', /did not answer like Freshsales Suite/],
    ['rate_limited', GENERAL, /busy \(rate limit\)/],
    ['server_error', GENERAL, /failed to answer/],
    ['platform', GENERAL, /could not be checked/],
    ['invalid', GENERAL, /could not be checked/],
  ] as Array<[CrmFailureKind, string, RegExp]>)('puts a %s refusal of the credentials on %s', async (kind, setting, message) => {
    const probe = fakeProbe(fail(failure(kind)));
    const check = await checkRemotely(checkLocally(pageValues({ contact_custom_fields: 'cf_tier' })), probe);
    expect(check.errors).toEqual({ [setting]: expect.stringMatching(message) });
    expect(check.credentialsFailure?.kind).toBe(kind);
    expect(check.details).toEqual([`credentials check failed: HTTP for ${kind}`]);
    expect(probe.fieldNames).not.toHaveBeenCalled();
  });

  it("looks the listed names up in each sidebar's entity and saves them as the account spells them", async () => {
    const probe = fakeProbe();
    const check = await checkRemotely(checkLocally(pageValues({ contact_custom_fields: 'CF_Birthday, cf_tier', deal_custom_fields: 'cf_region' })), probe);
    expect(check.errors).toEqual({});
    expect(check.values).toMatchObject({ contact_custom_fields: 'cf_birthday, cf_tier', deal_custom_fields: 'cf_region', account_custom_fields: 'all' });
    expect(probe.fieldNames.mock.calls.map(([entity]) => entity).sort()).toEqual(['contacts', 'deals']);
  });

  it('names every listed field the account does not have, per sidebar', async () => {
    const check = await checkRemotely(
      checkLocally(pageValues({ contact_custom_fields: 'cf_tier, cf_nope', account_custom_fields: 'cf_gone', deal_custom_fields: 'cf_region' })),
      fakeProbe(),
    );
    expect(check.errors).toEqual({
      contact_custom_fields: 'This account has no contact custom field "cf_nope".',
      account_custom_fields: 'This account has no account custom field "cf_gone".',
    });
    expect(check.unknownFields).toEqual({ contact_custom_fields: ['cf_nope'], account_custom_fields: ['cf_gone'] });
    expect(check.values.deal_custom_fields).toBe('cf_region');
  });

  it('does not take a built-in field for a custom one', async () => {
    const check = await checkRemotely(checkLocally(pageValues({ deal_custom_fields: 'cf_amount' })), fakeProbe(ok({}), () => Promise.resolve(ok(['amount', 'cf_region']))));
    expect(check.errors).toEqual({ deal_custom_fields: 'This account has no deal custom field "cf_amount".' });
  });

  it('says so when the field settings cannot be read, with the detail for the log', async () => {
    const check = await checkRemotely(checkLocally(pageValues({ deal_custom_fields: 'cf_region' })), fakeProbe(ok({}), () => Promise.resolve(fail(failure('server_error')))));
    expect(check.errors).toEqual({ deal_custom_fields: 'Could not read the deal fields to check these names. Try again.' });
    expect(check.details).toEqual(['deal_custom_fields: HTTP for server_error']);
  });

  it('looks nothing up for a list that is already wrong', async () => {
    const probe = fakeProbe();
    const check = await checkRemotely(checkLocally(pageValues({ contact_custom_fields: 'cf_tier, all' })), probe);
    expect(Object.keys(check.errors)).toEqual(['contact_custom_fields']);
    expect(probe.fieldNames).not.toHaveBeenCalled();
  });
});

describe('publicValues', () => {
  it('leaves out every secure setting', () => {
    const values = checkLocally(pageValues({ [P.webhookSecret]: SECRET })).values;
    const shown = publicValues(values);
    SECURE_IPARAMS.forEach((name) => expect(shown).not.toHaveProperty(name));
    expect(JSON.stringify(shown)).not.toContain(KEY);
    expect(Object.keys(shown)).toHaveLength(Object.keys(values).length - SECURE_IPARAMS.length);
  });
});
