import { SignJWT } from 'jose';
import type { Role } from './principal.js';

export interface DevTokenRequest {
  role: Role;
  subject: string;
  teams?: string[];
  issuer: string;
  audience: string;
  secret: string;
  expiresIn?: string;
}

/** Signs a token with the local shared secret, for development and tests only. */
export async function signDevToken(request: DevTokenRequest): Promise<string> {
  return new SignJWT({ roles: [request.role], teams: request.teams ?? [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(request.secret));
}
