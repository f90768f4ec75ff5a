import { execFileSync } from 'node:child_process';

/** Whether a command is on the PATH. */
export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface RequiredCommand {
  command: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** What the command is needed for, in French ("les tests de docker-compose.yml"). */
  neededFor: string;
  /** What to do when it cannot be installed here, in French. */
  otherwise: string;
}

/**
 * Makes sure a command is on the PATH: installs its Debian package when the machine allows it (root and apt-get),
 * otherwise throws one sentence saying what is missing, what for, and what to do.
 */
export function ensureCommand(
  required: RequiredCommand,
  log: (line: string) => void = () => undefined,
): void {
  if (hasCommand(required.command)) return;
  if (process.getuid?.() === 0 && hasCommand('apt-get')) {
    log(`${required.command} absent : installation du paquet Debian ${required.debianPackage} (apt-get)…`);
    try {
      execFileSync(
        'sh',
        [
          '-c',
          `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${required.debianPackage}`,
        ],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
    } catch {
      // Reported below with the fix.
    }
    if (hasCommand(required.command)) return;
  }
  throw new Error(
    `${required.command} est introuvable (nécessaire pour ${required.neededFor}) : installez-le ` +
      `(Debian/Ubuntu : sudo apt-get install -y ${required.debianPackage}) ${required.otherwise}`.trimEnd() +
      '.',
  );
}
