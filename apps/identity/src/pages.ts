import type { Role } from '#platform';
import { type DemoPerson, displayName } from './demo-persons.js';
import { type IdentityConfig, urlList } from './identity.config.js';

/** Escapes a value written into HTML text or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export const STYLESHEET_PATH = '/assets/identity.css';

/** The pages' only style sheet, served by the identity server (no inline style, no external resource). */
export const STYLESHEET = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.1875rem;
  line-height: 1.5; color: #0b0c0c; background: #ffffff; }
header { background: #0b0c0c; color: #ffffff; padding: 0.75rem 1.5rem; }
header p { margin: 0; font-weight: 700; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; }
ul.personnes { list-style: none; margin: 0; padding: 0; }
ul.personnes li { border-top: 1px solid #b1b4b6; padding: 1rem 0; }
ul.personnes p { margin: 0.5rem 0 0; }
.details { color: #484949; font-size: 1rem; }
form { margin: 0; }
button { font: inherit; font-weight: 700; color: #ffffff; background: #00703c; border: 2px solid transparent;
  border-radius: 0; box-shadow: 0 2px 0 #002d18; padding: 0.5rem 1rem; cursor: pointer; }
button:hover { background: #005a30; }
button.secondaire { color: #0b0c0c; background: #f3f2f1; box-shadow: 0 2px 0 #929191; }
button.secondaire:hover { background: #dbdad9; }
button:focus-visible, a:focus-visible { outline: 3px solid transparent; color: #0b0c0c; background: #ffdd00;
  box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }
.actions { display: flex; flex-wrap: wrap; gap: 1rem; margin-top: 1.5rem; }
a { color: #1d70b8; }
a:visited { color: #4c2c92; }
.code { font-family: ui-monospace, Consolas, monospace; font-size: 1rem; }
`;

/**
 * Headers of every page: a Content-Security-Policy that allows the style sheet and the forms (whose redirects
 * go on to the web application, hence its origins in form-action), and no framing.
 */
export function securityHeaders(config: IdentityConfig): Record<string, string> {
  const origins = new Set(
    [...urlList(config.WEB_REDIRECT_URIS), ...urlList(config.WEB_POST_LOGOUT_REDIRECT_URIS)].map(
      (uri) => new URL(uri).origin,
    ),
  );
  return {
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self'",
      `form-action 'self' ${[...origins].join(' ')}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

function layout(title: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Fournisseur d’identité de démonstration</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header><p>Guichet — Département du Calvados (démonstration)</p></header>
<main>
${content}
</main>
</body>
</html>
`;
}

const ROLE_LABELS: Record<Role, string> = {
  citizen: 'usager',
  agent: 'agent',
  supervisor: 'superviseur',
  auditor: 'contrôleur',
  admin: 'administrateur',
};

function personItem(uid: string, person: DemoPerson): string {
  const id = `description-${escapeHtml(person.subject)}`;
  const teams = person.teams.length > 0 ? ` · équipes : ${person.teams.join(', ')}` : '';
  return `<li>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
<input type="hidden" name="subject" value="${escapeHtml(person.subject)}">
<button type="submit" aria-describedby="${id}">Se connecter en tant que ${escapeHtml(displayName(person))}</button>
<p id="${id}">${escapeHtml(person.description)}<br>
<span class="details">Rôle : ${escapeHtml(ROLE_LABELS[person.role])}${escapeHtml(teams)} · identifiant : ${escapeHtml(person.subject)}</span></p>
</form>
</li>`;
}

/** The sign-in page: one button per demo person, citizens first. */
export function loginPage(uid: string, persons: readonly DemoPerson[]): string {
  const citizens = persons.filter((person) => person.role === 'citizen');
  const staff = persons.filter((person) => person.role !== 'citizen');
  return layout(
    'Se connecter',
    `<h1>Fournisseur d’identité de démonstration</h1>
<p>Sur cette installation locale, cette page remplace FranceConnect (pour les usagers) et l’authentification
unique des agents du Département. Les personnes ci-dessous sont fictives : choisissez celle sous le nom de laquelle
vous voulez utiliser Guichet.</p>
<h2>Usagers</h2>
<ul class="personnes">
${citizens.map((person) => personItem(uid, person)).join('\n')}
</ul>
<h2>Agents du Département</h2>
<ul class="personnes">
${staff.map((person) => personItem(uid, person)).join('\n')}
</ul>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/abort" class="actions">
<button type="submit" class="secondaire">Annuler et revenir à Guichet</button>
</form>`,
  );
}

/** RP-initiated logout: `form` is the provider's hidden form (`op.logoutForm`, with its anti-forgery field). */
export function logoutPage(form: string): string {
  return layout(
    'Se déconnecter',
    `<h1>Se déconnecter de Guichet ?</h1>
<p>Vous serez déconnecté de Guichet et de ce fournisseur d’identité de démonstration.</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>
<button type="submit" form="op.logoutForm" class="secondaire">Rester connecté</button>
</div>`,
  );
}

export function postLogoutPage(returnTo: string | undefined): string {
  const back = returnTo ? `<p><a href="${escapeHtml(returnTo)}">Revenir à Guichet</a></p>` : '';
  return layout(
    'Déconnexion réussie',
    `<h1>Vous êtes déconnecté</h1>
<p>Votre session sur le fournisseur d’identité de démonstration est terminée.</p>
${back}`,
  );
}

const ERROR_SENTENCES: Record<string, string> = {
  invalid_request: 'La demande de connexion est incomplète ou mal formée.',
  invalid_client: 'L’application qui demande la connexion n’est pas connue de ce fournisseur.',
  invalid_redirect_uri: 'L’adresse de retour demandée n’est pas autorisée pour cette application.',
  access_denied: 'La connexion a été refusée.',
  session_not_found: 'Cette demande de connexion a expiré ou n’existe pas.',
};

/** The French error page; the provider's own description stays, in English, for whoever investigates. */
export function errorPage(code: string, description: string | undefined): string {
  const sentence = ERROR_SENTENCES[code] ?? 'La connexion n’a pas pu aboutir.';
  const detail = description ? ` <span lang="en">${escapeHtml(description)}</span>` : '';
  return layout(
    'Erreur',
    `<h1>Une erreur est survenue</h1>
<p>${escapeHtml(sentence)} Revenez sur Guichet et recommencez la connexion.</p>
<p class="details">Détail technique : <span class="code">${escapeHtml(code)}</span>${detail}</p>`,
  );
}
