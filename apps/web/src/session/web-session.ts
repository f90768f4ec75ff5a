/** Who is signed in, as the identity provider's tokens say (for display and navigation; the API decides access). */
export interface SignedInPerson {
  subject: string;
  givenName?: string;
  familyName?: string;
  roles: string[];
  teams: string[];
}

/** What the session cookie holds: sealed (encrypted and authenticated), never readable by scripts. */
export interface WebSession {
  /** Random id of this browser's session: CSRF tokens are bound to it. */
  sid: string;
  person?: SignedInPerson;
  accessToken?: string;
  idToken?: string;
  /** When the access token expires (epoch seconds). */
  tokenExpiresAt?: number;
  /** Set once when a signed-in session ran out, to say so on the next page. */
  expired?: boolean;
}

export function isSignedIn(session: WebSession, nowSeconds: number): boolean {
  return Boolean(session.person && session.accessToken && (session.tokenExpiresAt ?? 0) > nowSeconds);
}

export function displayName(person: SignedInPerson): string {
  return [person.givenName, person.familyName].filter(Boolean).join(' ') || 'Mon compte';
}

export function isStaff(person: SignedInPerson | undefined): boolean {
  return Boolean(person?.roles.some((role) => role !== 'citizen'));
}
