import { Transform } from 'class-transformer';

/**
 * Reads `true`/`false` (also `1`/`0`) from an environment variable; pair it with `@IsBoolean()`. It reads the raw
 * variable: class-transformer's implicit conversion would turn the string "false" into `true`.
 */
export function EnvBoolean(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    if (raw === 'true' || raw === '1' || raw === true) return true;
    if (raw === 'false' || raw === '0' || raw === false) return false;
    return raw;
  });
}
