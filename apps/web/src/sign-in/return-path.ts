/** A place on this site to come back to after signing in: a local path, never another site. Pure. */
export function safeReturnPath(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return '/mes-demarches';
  }
  if (value.startsWith('/connexion') || value.startsWith('/deconnexion')) return '/mes-demarches';
  return value.slice(0, 500);
}
