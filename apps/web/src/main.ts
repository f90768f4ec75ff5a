import { ConfigurationError, loadConfig } from '#platform';
import { refuseDevelopmentSecrets, WebConfig } from './web.config.js';
import { createWebApp } from './web-app.js';

async function main(): Promise<void> {
  const config = loadConfig(WebConfig);
  refuseDevelopmentSecrets(config);
  const app = await createWebApp(config);
  await app.listen(config.PORT);
  process.stdout.write(
    `${JSON.stringify({ level: 30, service: 'web', msg: `pages prêtes sur le port ${config.PORT}` })}\n`,
  );
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigurationError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`[web] Démarrage impossible : ${message}\n`);
  process.exit(1);
});
