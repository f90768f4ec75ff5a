import type { SignedInPerson } from '../session/web-session.js';

export interface NavigationItem {
  href: string;
  text: string;
  active?: boolean;
}

/** The service navigation: what the person can reach from every page. Pure. */
export function navigationFor(
  person: SignedInPerson | undefined,
  path: string,
  unread: number | undefined,
): NavigationItem[] {
  const items: NavigationItem[] = [{ href: '/contact', text: 'Trouver mon contact' }];
  if (!person) {
    items.push({ href: `/connexion?retour=${encodeURIComponent(path)}`, text: 'Se connecter' });
  } else {
    if (person.roles.includes('citizen')) items.unshift({ href: '/mes-demarches', text: 'Mes démarches' });
    // Staff: each role's area, in the order of the work (a file is handled, then controlled; admins set the rules).
    const staffAreas: NavigationItem[] = [];
    if (person.roles.includes('agent') || person.roles.includes('supervisor')) {
      staffAreas.push({ href: '/agents/dossiers', text: 'Dossiers à instruire' });
    }
    if (person.roles.includes('auditor')) staffAreas.push({ href: '/controles', text: 'Contrôles' });
    if (person.roles.includes('admin')) staffAreas.push({ href: '/admin', text: 'Administration' });
    items.unshift(...staffAreas);
    const count = unread ? ` (${unread} non ${unread > 1 ? 'lus' : 'lu'})` : '';
    items.push({ href: '/messages', text: `Messages${count}` });
  }
  return items.map((item) => ({ ...item, active: path === item.href || path.startsWith(`${item.href}/`) }));
}
