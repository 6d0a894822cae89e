import { createHash, createHmac } from 'node:crypto';

/**
 * The deterministic random numbers of the draw: HMAC-SHA256 in counter mode, keyed with the seed,
 * one 48-bit number per call, made uniform over [0, n) by rejection. Anyone with the seed gets the
 * same sequence (scripts/draw-verify.ts re-runs it).
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface Prng {
  /** A uniform integer in [0, n). */
  below(n: number): number;
}

const TWO_48 = 2 ** 48;

export function hmacPrng(seedHex: string, label: string): Prng {
  const key = Buffer.from(seedHex, 'hex');
  let counter = 0;
  const next48 = () => createHmac('sha256', key).update(`${label}:${counter++}`).digest().readUIntBE(0, 6);
  return {
    below(n: number): number {
      if (!Number.isInteger(n) || n <= 0 || n > TWO_48) throw new RangeError(`prng: bad bound ${n}`);
      const limit = TWO_48 - (TWO_48 % n);
      for (;;) {
        const x = next48();
        if (x < limit) return x % n;
      }
    },
  };
}
