import { createHash, createHmac } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { signingKey } from '../settings/settings';
import { messageId, sign } from './signature';

/** Secrets as admins paste them: `whsec_` and Base64 of 24 to 64 random bytes. */
const SECRET = `whsec_${Buffer.from(Array.from({ length: 32 }, (_, index) => (index * 37 + 11) % 256)).toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.from(Array.from({ length: 32 }, (_, index) => (index * 53 + 7) % 256)).toString('base64')}`;
const KEY = signingKey(SECRET) as Uint8Array;

const ID = 'msg_2f1d6c0e9b8a7f6e5d4c3b2a19080706';
const BODY = JSON.stringify({ id: ID, type: 'deal.won', timestamp: '2026-03-04T10:20:30.000Z', data: { deal: { id: 402000401001, amount: '12500.5' } } });

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The three headers the sendWebhook template sends (config/requests.json). */
function headers(id: string, timestamp: number, signature: string): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}

function verify(secret: string, body: string, sent: Record<string, string>): unknown {
  return new Webhook(secret).verify(body, sent, { jsonParse: false });
}

describe('sign', () => {
  it('signs in the Standard Webhooks format', () => {
    expect(KEY).toHaveLength(32);
    expect(sign(KEY, ID, nowSeconds(), BODY)).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it('is verified by the standardwebhooks library, which parses the body it verified', () => {
    const timestamp = nowSeconds();
    const sent = headers(ID, timestamp, sign(KEY, ID, timestamp, BODY));
    expect(new Webhook(SECRET).verify(BODY, sent)).toEqual(JSON.parse(BODY));
  });

  it('equals the library\'s own signature and an HMAC computed by Node', () => {
    const timestamp = 1772619630;
    const signature = sign(KEY, ID, timestamp, BODY);
    expect(signature).toBe(new Webhook(SECRET).sign(ID, new Date(timestamp * 1000), BODY));
    expect(signature).toBe(`v1,${createHmac('sha256', Buffer.from(KEY)).update(`${ID}.${timestamp}.${BODY}`, 'utf8').digest('base64')}`);
  });

  it.each([
    ['umlauts and accents', '{"name":"Jürgen Müller-Lüdenscheidt","city":"São Paulo"}'],
    ['CJK text', '{"name":"山田太郎","company":"株式会社アクメ"}'],
    ['emoji outside the BMP', '{"note":"Deal won 🎉👩‍💻"}'],
    ['escaped and raw line breaks', '{"note":"line 1\\nline 2"}\n'],
    ['an empty body', ''],
  ])('signs a body with %s so that the library verifies it', (_case, body) => {
    const timestamp = nowSeconds();
    expect(() => verify(SECRET, body, headers(ID, timestamp, sign(KEY, ID, timestamp, body)))).not.toThrow();
  });

  it('signs a lone surrogate the way TextEncoder encodes it (U+FFFD)', () => {
    const body = '{"note":"cut \ud83c"}';
    const timestamp = nowSeconds();
    expect(() => verify(SECRET, body, headers(ID, timestamp, sign(KEY, ID, timestamp, body)))).not.toThrow();
  });

  describe('rejected by the library', () => {
    it('when the body was changed', () => {
      const timestamp = nowSeconds();
      const sent = headers(ID, timestamp, sign(KEY, ID, timestamp, BODY));
      const tampered = BODY.replace('12500.5', '125000.5');
      expect(() => verify(SECRET, tampered, sent)).toThrow(new WebhookVerificationError('No matching signature found'));
    });

    it('when the receiver holds another secret', () => {
      const timestamp = nowSeconds();
      expect(() => verify(OTHER_SECRET, BODY, headers(ID, timestamp, sign(KEY, ID, timestamp, BODY)))).toThrow('No matching signature found');
    });

    it('when the id or the timestamp header was changed', () => {
      const timestamp = nowSeconds();
      const signature = sign(KEY, ID, timestamp, BODY);
      expect(() => verify(SECRET, BODY, headers('msg_other', timestamp, signature))).toThrow('No matching signature found');
      expect(() => verify(SECRET, BODY, headers(ID, timestamp - 1, signature))).toThrow('No matching signature found');
    });

    it('when the timestamp is older than its five minutes of tolerance', () => {
      const old = nowSeconds() - 5 * 60 - 30;
      expect(() => verify(SECRET, BODY, headers(ID, old, sign(KEY, ID, old, BODY)))).toThrow('Message timestamp too old');
    });

    it('when the timestamp is more than five minutes ahead', () => {
      const ahead = nowSeconds() + 5 * 60 + 30;
      expect(() => verify(SECRET, BODY, headers(ID, ahead, sign(KEY, ID, ahead, BODY)))).toThrow('Message timestamp too new');
    });

    it('but not a timestamp within the tolerance', () => {
      const recent = nowSeconds() - 4 * 60;
      expect(() => verify(SECRET, BODY, headers(ID, recent, sign(KEY, ID, recent, BODY)))).not.toThrow();
    });
  });
});

describe('messageId', () => {
  const identity = ['deal.won', '402000401001', '1772619630'];

  it('is msg_ and 32 hex digits of the SHA-256 of the identity', () => {
    const id = messageId(...identity);
    expect(id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(id).toBe(`msg_${createHash('sha256').update(identity.join('\n'), 'utf8').digest('hex').slice(0, 32)}`);
  });

  it('is the same for the same identity', () => {
    expect(messageId(...identity)).toBe(messageId('deal.won', '402000401001', '1772619630'));
  });

  it.each([
    ['another type', ['deal.stage_changed', '402000401001', '1772619630']],
    ['another record', ['deal.won', '402000401002', '1772619630']],
    ['a later change', ['deal.won', '402000401001', '1772619631']],
    ['the parts joined differently', ['deal.won', '4020004010011772619630']],
  ])('differs for %s', (_case, other) => {
    expect(messageId(...other)).not.toBe(messageId(...identity));
  });

  it('hashes unicode as UTF-8', () => {
    expect(messageId('contact.created', 'Zoë 🎉')).toBe(`msg_${createHash('sha256').update('contact.created\nZoë 🎉', 'utf8').digest('hex').slice(0, 32)}`);
  });
});
