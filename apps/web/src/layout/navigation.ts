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
    const count = unread ? ` (${unread} non ${unread > 1 ? 'lus' : 'lu'})` : '';
    items.push({ href: '/messages', text: `Messages${count}` });
  }
  return items.map((item) => ({ ...item, active: path === item.href || path.startsWith(`${item.href}/`) }));
}
