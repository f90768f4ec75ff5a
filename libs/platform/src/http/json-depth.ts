import type { IncomingMessage } from 'node:http';

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * The deepest nesting of objects and arrays in a JSON text, read from its UTF-8 bytes in one pass without parsing
 * (brackets inside strings do not count). Stops as soon as `limit` is passed and returns `limit + 1`. In UTF-8
 * the bytes of other characters never equal these ASCII ones.
 */
export function jsonDepth(bytes: Uint8Array, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
  }
  return deepest;
}

/** The body-parser error type of a body nested too deep; the error filter maps it to the error format. */
export const BODY_TOO_DEEP = 'entity.too.deep';

/**
 * A `verify` hook for express's JSON body parser: refuses a body nested deeper than `maxDepth` before it is parsed,
 * so that nothing downstream (class-transformer, the validation pipe) recurses into it and overflows the stack.
 */
export function refuseDeepJson(maxDepth: number) {
  return (_request: IncomingMessage, _response: unknown, body: Buffer, encoding: string): void => {
    const bytes = /^utf-?8$/i.test(encoding) ? body : Buffer.from(new TextDecoder(encoding).decode(body));
    if (jsonDepth(bytes, maxDepth) > maxDepth) {
      throw Object.assign(new Error(`JSON body nested deeper than ${maxDepth} levels`), {
        status: 400,
        type: BODY_TOO_DEEP,
        expose: true,
      });
    }
  };
}
