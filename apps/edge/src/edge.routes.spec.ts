import { serviceFor } from './edge.routes.js';
import { isPage } from './edge.server.js';

describe('serviceFor', () => {
  it.each([
    ['/api/procedures', 'intake'],
    ['/api/applications/123/submit', 'intake'],
    ['/api/access-log?applicationId=1', 'intake'],
    ['/api/contacts?commune=14047&topic=apa', 'routing'],
    ['/api/back-office/applications', 'routing'],
    ['/api/checks/1/conclude', 'checks'],
    ['/api/sampling-policies', 'checks'],
    ['/api/notifications', 'notifications'],
    ['/api/admin/routing/dead-letters', 'routing'],
    ['/docs/checks/openapi.json', 'checks'],
  ])('sends %s to %s', (path, service) => {
    expect(serviceFor(path)).toBe(service);
  });

  it('matches whole path segments only', () => {
    expect(serviceFor('/api/applicationsX')).toBeUndefined();
    expect(serviceFor('/api/admin/unknown/dead-letters')).toBeUndefined();
    expect(serviceFor('/')).toBeUndefined();
  });
});

describe('isPage', () => {
  it.each([['/'], ['/mes-demarches'], ['/assets/guichet.css'], ['/apis'], ['/documents']])(
    '%s is a page',
    (path) => {
      expect(isPage(path)).toBe(true);
    },
  );

  it.each([['/api'], ['/api/unknown'], ['/api?x=1'], ['/docs/intake'], ['/docs']])(
    '%s is the API',
    (path) => {
      expect(isPage(path)).toBe(false);
    },
  );
});
