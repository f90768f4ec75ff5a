import { communeQuery } from '../contacts/contacts.view.js';
import { safeReturnPath } from '../sign-in/return-path.js';
import { readSimulator } from '../simulator/simulator.view.js';
import { daysBetween, euros, frenchDate, parisToday } from './french-format.js';
import { navigationFor } from './navigation.js';

describe('small rules of the pages', () => {
  it.each([
    ['/dossiers/1/etapes/address', '/dossiers/1/etapes/address'],
    ['https://evil.example/', '/mes-demarches'],
    ['//evil.example/', '/mes-demarches'],
    ['/\\evil.example', '/mes-demarches'],
    ['/connexion/retour?code=x', '/mes-demarches'],
    [undefined, '/mes-demarches'],
  ])('comes back after signing in to %s → %s (never another site)', (asked, path) => {
    expect(safeReturnPath(asked)).toBe(path);
  });

  it.each([
    ['Bayeux', { communeName: 'Bayeux' }],
    [' 14400 ', { postalCode: '14400' }],
    ['', undefined],
  ])('reads « %s » as a commune name or a postal code', (typed, query) => {
    expect(communeQuery(typed)).toEqual(query);
  });

  it('writes legal dates and amounts in French, counts days in Paris', () => {
    expect(frenchDate('2027-02-02')).toBe('2 février 2027');
    expect(euros(12_845)).toBe('128,45\u00a0€');
    expect(daysBetween('2026-12-02', '2027-02-02')).toBe(62);
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('offers « Mes démarches » to citizens, sign-in to visitors, and counts unread messages', () => {
    const texts = (items: { text: string }[]) => items.map((item) => item.text);
    expect(texts(navigationFor(undefined, '/', undefined))).toEqual(['Trouver mon contact', 'Se connecter']);
    const citizen = { subject: 's', roles: ['citizen'], teams: [] };
    expect(texts(navigationFor(citizen, '/mes-demarches', 2))).toEqual([
      'Mes démarches',
      'Trouver mon contact',
      'Messages (2 non lus)',
    ]);
    expect(navigationFor(citizen, '/mes-demarches', 0)[0].active).toBe(true);
    const supervisorAuditor = { subject: 's', roles: ['supervisor', 'auditor'], teams: ['CAS-CAEN'] };
    expect(texts(navigationFor(supervisorAuditor, '/controles', 0))).toEqual([
      'Dossiers à instruire',
      'Contrôles',
      'Trouver mon contact',
      'Messages',
    ]);
    expect(texts(navigationFor({ subject: 'a', roles: ['admin'], teams: [] }, '/admin', 0))[0]).toBe(
      'Administration',
    );
  });

  it('asks the simulator’s answers and refuses what it cannot read', () => {
    expect(readSimulator({ gir: 'unknown', household: 'couple', resources: '2 100,50' })).toEqual({
      input: { gir: 'unknown', household: 'couple', monthlyResourcesCents: 210_050 },
      errors: [],
    });
    expect(
      readSimulator({ gir: '5', household: 'x', resources: '', plan: 'beaucoup' }).errors.map(
        (error) => error.path,
      ),
    ).toEqual(['gir', 'household', 'resources', 'plan']);
  });
});
