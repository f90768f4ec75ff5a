export const ROLES = ['citizen', 'agent', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling, as the verified token says. */
export interface Principal {
  subject: string;
  roles: Role[];
  /** Team codes of an agent or supervisor (routing). */
  teams: string[];
}
