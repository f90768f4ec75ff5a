// Compiles the web application's theme (apps/web/assets/guichet.scss, GOV.UK Frontend's Sass with the
// département's settings) into dist/apps/web/assets/guichet.css. Run by `npm start` and `npm test` after tsc.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'apps', 'web', 'assets', 'guichet.scss');
const target = join(root, 'dist', 'apps', 'web', 'assets', 'guichet.css');

function modified(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

if (modified(target) < modified(source)) {
  const result = sass.compile(source, {
    loadPaths: [join(root, 'node_modules')],
    style: 'compressed',
    // GOV.UK Frontend's own deprecation notices are not ours to fix.
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.css);
  console.log(`Thème du site compilé : ${target}`);
}
