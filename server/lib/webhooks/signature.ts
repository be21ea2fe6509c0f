import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { base64Encode, utf8Bytes } from '../../../common/encoding';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): `webhook-signature` is `v1,`
 * and the Base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` under the secret's bytes. Whether
 * Node's `crypto` exists in the platform sandbox is unconfirmed, so this module is the one
 * place that uses a pure-JavaScript implementation (@noble/hashes, declared in the manifest).
 * Bytes go in as Uint8Array: the library's own string helper needs TextEncoder, which the
 * sandbox may not have.
 */
export function sign(key: Uint8Array, id: string, timestampSeconds: number, body: string): string {
  const mac = hmac(sha256, key, utf8Bytes(`${id}.${timestampSeconds}.${body}`));
  return `v1,${base64Encode(mac)}`;
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A message id derived from what identifies the event, so a repeated delivery keeps it. */
export function messageId(...identity: string[]): string {
  return `msg_${hex(sha256(utf8Bytes(identity.join('\n')))).slice(0, 32)}`;
}
