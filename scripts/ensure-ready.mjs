// Runs before `npm start` and `npm test` with nothing but Node: installs the dependencies when node_modules is
// missing (npm ci), then compiles the TypeScript once (incremental).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installation des dépendances (npm ci)…');
  run('npm ci --no-audit --no-fund');
}
if (!process.argv.includes('--no-build')) {
  console.log('Compilation TypeScript…');
  run('npx tsc -p tsconfig.build.json');
}
