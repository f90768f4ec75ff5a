import { createHash } from 'node:crypto';
import { EncryptJWT, type JWTPayload, jwtDecrypt } from 'jose';

/**
 * Seals a value into a cookie: AES-256-GCM (JWE `dir`), so that it is both secret and tamper-proof, with an expiry.
 * A cookie that does not open (altered, expired, another key) reads as absent.
 */
export class SealedCookie<T extends object> {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly purpose: string,
  ) {
    this.key = createHash('sha256').update(`${purpose}:${secret}`).digest();
  }

  async seal(value: T, maxAgeSeconds: number): Promise<string> {
    return new EncryptJWT({ value } as unknown as JWTPayload)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setSubject(this.purpose)
      .setExpirationTime(`${maxAgeSeconds}s`)
      .encrypt(this.key);
  }

  async open(sealed: string | undefined): Promise<T | undefined> {
    if (!sealed) return undefined;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key, { subject: this.purpose });
      const value = (payload as { value?: unknown }).value;
      return value && typeof value === 'object' ? (value as T) : undefined;
    } catch {
      return undefined;
    }
  }
}
