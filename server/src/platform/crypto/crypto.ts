import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Encrypts personal data at rest (AES-256-GCM) and derives tokens and blind indexes. */
export interface Crypto {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Keyed hash for equality look-ups of encrypted values (e.g. find by phone) without decrypting. */
  blindIndex(value: string): string;
  sha256(data: string | Buffer): string;
  randomToken(bytes?: number): string;
  hmac(key: string, data: string): string;
  safeEqual(a: string, b: string): boolean;
}

export function createCrypto(secret: string): Crypto {
  const key = createHash('sha256').update(`xingfeng:data:${secret}`).digest();
  const indexKey = createHash('sha256').update(`xingfeng:index:${secret}`).digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(value) {
      const [version, iv, tag, body] = value.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown cipher format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return createHmac('sha256', indexKey).update(value).digest('base64url');
    },
    sha256(data) {
      return createHash('sha256').update(data).digest('hex');
    },
    randomToken(bytes = 32) {
      return randomBytes(bytes).toString('base64url');
    },
    hmac(k, data) {
      return createHmac('sha256', k).update(data).digest('hex');
    },
    safeEqual(a, b) {
      const x = Buffer.from(a);
      const y = Buffer.from(b);
      return x.length === y.length && timingSafeEqual(x, y);
    },
  };
}
