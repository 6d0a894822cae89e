import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Signs and checks audit checkpoints with Ed25519; the private key never enters the database. */
export interface AuditSigner {
  keyId: string;
  publicKeyPem: string;
  sign(message: string): string;
  verify(message: string, signature: string, publicKeyPem?: string): boolean;
}

/** What a checkpoint signature covers. */
export function checkpointMessage(chainPos: number, hash: string, signedAt: string): string {
  return `xingfeng-audit:v1:${chainPos}:${hash}:${signedAt}`;
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signerFromPrivateKey(privateKey: KeyObject): AuditSigner {
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem,
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
    verify: (message, signature, pem) => {
      try {
        return verify(null, Buffer.from(message), pem ? createPublicKey(pem) : publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** Checks a signature with a published public key only (for verifiers without the private key). */
export function verifyWithPublicKey(publicKeyPem: string, message: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The signing key: AUDIT_SIGNING_KEY as PEM text or a path to a PEM file. Without it, a key is
 * generated once into `generatedPath` (the embedded demo's data folder), or, with no path, kept in
 * memory for this process (tests).
 */
export function loadAuditSigner(options: { key?: string; generatedPath?: string | null }): AuditSigner {
  if (options.key) {
    const pem = options.key.includes('-----BEGIN') ? options.key : fs.readFileSync(path.resolve(options.key), 'utf8');
    return signerFromPrivateKey(createPrivateKey(pem));
  }
  if (options.generatedPath) {
    const file = path.resolve(options.generatedPath);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600, flag: 'wx' });
    }
    return signerFromPrivateKey(createPrivateKey(fs.readFileSync(file, 'utf8')));
  }
  return signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}
