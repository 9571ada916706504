// Fernet tokens (the spec python's `cryptography` implements): AES-128-CBC + HMAC-SHA256, url-safe base64.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 0x80;
const HEADER = 1 + 8 + 16; // version, big-endian seconds, IV
const MAC = 32;

export class InvalidFernetToken extends Error {
  constructor() {
    super('invalid Fernet token');
  }
}

/** A Fernet key: 32 bytes in url-safe base64; the first half signs, the second encrypts. */
export class Fernet {
  private readonly signingKey: Buffer;
  private readonly encryptionKey: Buffer;

  /** Throws as cryptography's Fernet() does when the key is not 32 url-safe base64-encoded bytes. */
  constructor(key: string) {
    const raw = decodeUrlSafe(key);
    if (!raw || raw.length !== 32) throw new Error('Fernet key must be 32 url-safe base64-encoded bytes.');
    this.signingKey = raw.subarray(0, 16);
    this.encryptionKey = raw.subarray(16);
  }

  /** A fresh random key, as Fernet.generate_key() makes. */
  static generateKey(): string {
    return randomBytes(32).toString('base64url') + '=';
  }

  encrypt(plaintext: string, nowSeconds = Math.floor(Date.now() / 1000), iv = randomBytes(16)): string {
    const header = Buffer.alloc(HEADER);
    header[0] = VERSION;
    header.writeBigUInt64BE(BigInt(nowSeconds), 1);
    iv.copy(header, 9);
    const cipher = createCipheriv('aes-128-cbc', this.encryptionKey, iv);
    const body = Buffer.concat([header, cipher.update(plaintext, 'utf8'), cipher.final()]);
    const mac = createHmac('sha256', this.signingKey).update(body).digest();
    return Buffer.concat([body, mac]).toString('base64url') + padding(body.length + MAC);
  }

  /** The plaintext; tokens never expire here (MLflow decrypts without a ttl). */
  decrypt(token: string): string {
    const raw = decodeUrlSafe(token);
    if (!raw || raw.length < HEADER + 16 + MAC || raw[0] !== VERSION) throw new InvalidFernetToken();
    const body = raw.subarray(0, raw.length - MAC);
    const expected = createHmac('sha256', this.signingKey).update(body).digest();
    if (!timingSafeEqual(expected, raw.subarray(raw.length - MAC))) throw new InvalidFernetToken();
    const decipher = createDecipheriv('aes-128-cbc', this.encryptionKey, raw.subarray(9, HEADER));
    try {
      return Buffer.concat([decipher.update(body.subarray(HEADER)), decipher.final()]).toString('utf8');
    } catch {
      throw new InvalidFernetToken();
    }
  }
}

/** base64url with the '=' padding python's urlsafe_b64encode writes. */
function padding(byteLength: number): string {
  return '='.repeat((3 - (byteLength % 3)) % 3);
}

function decodeUrlSafe(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  return Buffer.from(text.replace(/=+$/, ''), 'base64url');
}
