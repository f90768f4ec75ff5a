import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown at boot when an environment variable is missing or malformed. Names every faulty variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(`Configuration invalide : ${problems.map((p) => `${p.variable} (${p.reason})`).join(', ')}`);
    this.name = 'ConfigurationError';
  }
}

type Constructor<T> = new () => T;

function describe(errors: ValidationError[]): { variable: string; reason: string }[] {
  return errors.map((error) => ({
    variable: error.property,
    reason: Object.values(error.constraints ?? {}).join('; ') || 'valeur invalide',
  }));
}

/**
 * Reads a typed configuration from environment variables and validates it.
 * Empty strings count as unset, so that defaults declared on the class apply.
 */
export function loadConfig<T extends object>(
  configClass: Constructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(configClass, defined, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) throw new ConfigurationError(describe(errors));
  return config;
}
