// Runs before `npm start` and `npm test` with nothing but Node: installs the dependencies when node_modules is
// missing (npm install), then compiles the TypeScript once (incremental).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  // npm install, not npm ci: the lock file cannot list optional packages the registry lacks (see .ci/run).
  console.log('Installation des dépendances (npm install, versions du package-lock.json)…');
  run('npm install --no-audit --no-fund');
}
if (!process.argv.includes('--no-build')) {
  console.log('Compilation TypeScript…');
  run('npx tsc -p tsconfig.build.json');
  run('node scripts/build-web-assets.mjs');
}
