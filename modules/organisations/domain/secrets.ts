import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

/** 256 random bits: high enough entropy that a fast hash is the right way to store it. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** API tokens read `mst_<token id>_<secret>` so the id can be found without scanning hashes. */
export function formatApiToken(id: string, secret: string): string {
  return `mst_${id}_${secret}`;
}

export function parseApiToken(token: string): { id: string; secret: string } | null {
  const match = /^mst_(tok_[0-9a-z]{26})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}
