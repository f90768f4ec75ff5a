import { ConfigurationError, loadConfig } from '#platform';
import { EdgeConfig } from './edge.config.js';
import { createEdgeServer } from './edge.server.js';

try {
  const config = loadConfig(EdgeConfig);
  const server = createEdgeServer(config);
  server.listen(config.PORT, () => {
    process.stdout.write(
      `${JSON.stringify({ level: 30, service: 'edge', msg: `edge prêt sur http://localhost:${config.PORT}` })}\n`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  process.stderr.write(`[edge] Démarrage impossible : ${error.message}\n`);
  process.exit(1);
}
