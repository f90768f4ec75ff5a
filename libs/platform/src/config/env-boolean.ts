import { Transform } from 'class-transformer';

/** Reads `true`/`false` (also `1`/`0`) from an environment variable; pair it with `@IsBoolean()`. */
export function EnvBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });
}
