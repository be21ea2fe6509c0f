import { emailDomain, isFreeMail, websiteDomain, websiteSpellings } from './email-domains';

describe('emailDomain', () => {
  it.each([
    ['jane.doe@acme.com', 'acme.com'],
    ['Jane.Doe@ACME.Com', 'acme.com'],
    ['jane@sales.acme.co.uk', 'sales.acme.co.uk'],
    ['jane@acme.com.', 'acme.com'],
    ['jane@ acme.com ', 'acme.com'],
    ['"odd@name"@acme-corp.io', 'acme-corp.io'],
  ])('reads %j as %s', (email, domain) => {
    expect(emailDomain(email)).toBe(domain);
  });

  it.each(['jane.doe', 'jane@', '@', 'jane@localhost', 'jane@acme_corp.com', 'jane@acme..com', 'jane@acme.com/x', ''])('finds no domain in %j', (email) => {
    expect(emailDomain(email)).toBeUndefined();
  });
});

describe('isFreeMail', () => {
  it.each(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.jp', 'icloud.com', 'proton.me', 'gmx.de', 'web.de', 'qq.com', 'mailinator.com'])(
    'knows %s as free mail',
    (domain) => {
      expect(isFreeMail(domain)).toBe(true);
    },
  );

  it.each(['acme.com', 'google.com', 'mail.google.com', 'gmail.co', 'microsoft.com'])('reads %s as a company domain', (domain) => {
    expect(isFreeMail(domain)).toBe(false);
  });

  it('expects the lower-cased domain emailDomain gives', () => {
    expect(isFreeMail('GMAIL.COM')).toBe(false);
    expect(isFreeMail(emailDomain('Jane@GMAIL.COM') as string)).toBe(true);
  });
});

describe('websiteDomain', () => {
  it.each([
    ['https://www.Acme.com/about', 'acme.com'],
    ['http://acme.com', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['www.acme.com/', 'acme.com'],
    ['WWW.ACME.COM', 'acme.com'],
    ['https://acme.com:8443/path?x=1#top', 'acme.com'],
    ['acme.com:8080', 'acme.com'],
    ['acme.com?ref=crm', 'acme.com'],
    ['acme.com#contact', 'acme.com'],
    ['  https://shop.acme.co.uk/en  ', 'shop.acme.co.uk'],
    ['ftp://files.acme.com', 'files.acme.com'],
    ['https://www2.acme.com', 'www2.acme.com'],
  ])('reads %j as %s', (website, domain) => {
    expect(websiteDomain(website)).toBe(domain);
  });

  it.each(['', '   ', null, undefined, 'localhost', 'https://', 'not a website', 'https://acme', '//acme.com', 'http://acme_corp.com'])('finds no domain in %p', (website) => {
    expect(websiteDomain(website)).toBeUndefined();
  });
});

describe('websiteSpellings', () => {
  it('lists every way the website may be written, with and without www, scheme and slash', () => {
    expect(websiteSpellings('acme.com')).toEqual([
      'acme.com', 'acme.com/', 'http://acme.com', 'https://acme.com', 'http://acme.com/', 'https://acme.com/',
      'www.acme.com', 'www.acme.com/', 'http://www.acme.com', 'https://www.acme.com', 'http://www.acme.com/', 'https://www.acme.com/',
    ]);
  });

  it('lists spellings that websiteDomain reads back as the domain', () => {
    expect(new Set(websiteSpellings('acme.co.uk').map(websiteDomain))).toEqual(new Set(['acme.co.uk']));
  });
});
