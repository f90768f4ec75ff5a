import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding package.json: views and assets are found from it, whether running from dist/ or sources. */
export function projectRoot(from: string = import.meta.dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`package.json introuvable au-dessus de ${from}`);
    folder = parent;
  }
  return folder;
}
