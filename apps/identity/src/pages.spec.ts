import { DEMO_PERSONS, type DemoPerson } from './demo-persons.js';
import { IdentityConfig } from './identity.config.js';
import { errorPage, escapeHtml, loginPage, securityHeaders } from './pages.js';

describe('the pages of the local provider', () => {
  it('escapes what it writes into HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const person: DemoPerson = { ...DEMO_PERSONS[0], description: '<script>alert(1)</script>' };
    expect(loginPage('uid', [person])).not.toContain('<script>');
    expect(errorPage('<b>', '"quoted"')).toContain('&lt;b&gt;');
  });

  it('labels each button with the person and describes it by the text under it', () => {
    const html = loginPage('abc', DEMO_PERSONS);
    expect(html).toContain(
      '<button type="submit" aria-describedby="description-demo-superviseur">Se connecter en tant que Marc Duval</button>',
    );
    expect(html).toContain('id="description-demo-superviseur"');
    expect(html).toContain('équipes : CAS-CAEN, CAS-BOCAGE');
    expect(html.indexOf('Claire Martin')).toBeLessThan(html.indexOf('<h2>Agents du Département</h2>'));
  });

  it('lets the forms lead back to the web application only (CSP form-action)', () => {
    const config = new IdentityConfig();
    expect(securityHeaders(config)['content-security-policy']).toContain(
      "form-action 'self' http://localhost:3000;",
    );
  });
});
