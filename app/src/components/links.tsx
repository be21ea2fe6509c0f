/**
 * Click to act: record emails, phones and websites as links. Only what is clearly an address
 * becomes one; anything else (a `javascript:` website, a phone with letters in it) stays text.
 */

// No characters that would add headers or parameters to the mailto: URL.
const EMAIL = /^[^\s@?#&,;:/\\<>"]+@[^\s@?#&,;:/\\<>"]+\.[^\s@?#&,;:/\\<>".]+$/;
const PHONE = /^\+?[\d\s\-().]+$/;
const MIN_PHONE_DIGITS = 3;

/** An http(s) address for a website as users type it ("acme.example"); anything else stays text. */
export function websiteHref(website: string): string | undefined {
  const trimmed = website.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  // A scheme other than http(s) (javascript:, data:, ftp:) is never turned into a link.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return isWebAddress(withScheme) ? withScheme : undefined;
}

function isWebAddress(address: string): boolean {
  try {
    const url = new URL(address);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function mailtoHref(email: string): string | undefined {
  const trimmed = email.trim();
  return EMAIL.test(trimmed) ? `mailto:${trimmed}` : undefined;
}

/** `tel:` with the digits and a leading plus only (`+1 (415) 555-0100` → `tel:+14155550100`). */
export function telHref(phone: string): string | undefined {
  const trimmed = phone.trim();
  if (!PHONE.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return undefined;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

export type LinkKind = 'email' | 'phone' | 'url';

const HREF: Record<LinkKind, (text: string) => string | undefined> = { email: mailtoHref, phone: telHref, url: websiteHref };

interface ActionLinkProps {
  kind: LinkKind;
  text: string;
  className?: string;
}

/** The text as a link of its kind when it is a real address, else as (isolated) text. */
export function ActionLink({ kind, text, className }: ActionLinkProps) {
  const href = HREF[kind](text);
  if (href === undefined) return <bdi className={className}>{text}</bdi>;
  // Websites open beside the CRM; mailto: and tel: hand over to the mail or phone app.
  const external = kind === 'url' ? { target: '_blank' } : {};
  return (
    <a className={className} href={href} rel="noopener noreferrer" {...external} data-testid={`${kind}-link`}>
      <bdi>{text}</bdi>
    </a>
  );
}
