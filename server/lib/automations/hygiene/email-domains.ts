/**
 * Email domains and account websites, for linking a new contact to the account of its company.
 * Mail from free providers says nothing about the employer, so those domains never link.
 * The list holds the large providers worldwide; it errs towards not linking.
 */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.co.in', 'yahoo.fr', 'yahoo.de', 'yahoo.es', 'yahoo.it', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.es', 'hotmail.it', 'outlook.com', 'outlook.de', 'outlook.fr', 'live.com', 'live.co.uk', 'live.fr', 'live.de', 'msn.com', 'passport.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'aim.com', 'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tuta.io', 'hey.com', 'fastmail.com', 'fastmail.fm', 'zoho.com', 'zohomail.com',
  'mail.com', 'email.com', 'usa.com', 'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'web.de', 't-online.de', 'freenet.de', 'posteo.de', 'mailbox.org',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'seznam.cz', 'centrum.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl',
  'yandex.ru', 'yandex.com', 'ya.ru', 'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru', 'ukr.net',
  'qq.com', '163.com', '126.com', 'sina.com', 'sohu.com', 'yeah.net', 'aliyun.com', 'naver.com', 'daum.net', 'hanmail.net', 'rediffmail.com',
  'bol.com.br', 'uol.com.br', 'terra.com.br', 'ig.com.br', 'btinternet.com', 'sky.com', 'virginmedia.com', 'ntlworld.com', 'talktalk.net', 'blueyonder.co.uk',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net', 'optonline.net', 'shaw.ca', 'rogers.com', 'sympatico.ca', 'bigpond.com', 'optusnet.com.au',
  'yopmail.com', 'mailinator.com', 'guerrillamail.com', '10minutemail.com', 'temp-mail.org',
]);

/** The lower-cased domain of an email address, or undefined. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? '' : email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain) ? domain : undefined;
}

export const isFreeMail = (domain: string): boolean => FREE_MAIL.has(domain);

/** `https://www.Acme.com/about` → `acme.com`. */
export function websiteDomain(website: string | null | undefined): string | undefined {
  const text = (website ?? '').trim().toLowerCase();
  const host = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#:]/)[0] ?? '';
  const domain = host.replace(/^www\./, '');
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain) ? domain : undefined;
}

/** How an account's website may be written for a domain: the search matches whole values. */
export function websiteSpellings(domain: string): string[] {
  const hosts = [domain, `www.${domain}`];
  return hosts.flatMap((host) => [host, `${host}/`, `http://${host}`, `https://${host}`, `http://${host}/`, `https://${host}/`]);
}
