import crypto from 'node:crypto';

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}

export const SESSION_COOKIE = 'relata_session';
export const SESSION_DAYS = 30;
export const API_KEY_PREFIX = 'rk_';
