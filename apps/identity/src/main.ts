import { ConfigurationError, loadConfig } from '#platform';
import { IdentityConfig } from './identity.config.js';
import { createIdentityServer } from './identity.server.js';
import { loadOrCreateSigningKeys } from './signing-keys.js';

/**
 * The local OpenID Connect provider: signs the demo persons in, as FranceConnect and the département's SSO do in
 * production (through a broker). Never in production: anyone could sign in as anyone.
 */
try {
  const config = loadConfig(IdentityConfig);
  if (config.NODE_ENV === 'production') {
    process.stderr.write(
      '[identity] Démarrage impossible : ce fournisseur d’identité de démonstration connecte n’importe qui en un clic, il est interdit en production (NODE_ENV=production). Configurez les services avec le fournisseur d’identité du Département (AUTH_ISSUER, AUTH_JWKS_URL).\n',
    );
    process.exit(1);
  }
  const jwks = await loadOrCreateSigningKeys(config.IDENTITY_DATA_DIR);
  const server = createIdentityServer(config, jwks);
  server.listen(config.PORT, () => {
    process.stdout.write(
      `${JSON.stringify({ level: 30, service: 'identity', msg: `fournisseur d’identité (démo) prêt sur ${config.IDENTITY_ISSUER}` })}\n`,
    );
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  process.stderr.write(`[identity] Démarrage impossible : ${error.message}\n`);
  process.exit(1);
}
