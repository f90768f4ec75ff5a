import fc from 'fast-check';
import type { Operation } from './operations.js';

/** A request a hostile or broken client sends to an operation: its body bytes, their declared type, its path. */
export interface HostileRequest {
  kind: string;
  contentType?: string;
  body?: Buffer;
  /** Replaces every path parameter (oversized, traversal, control characters…), when set. */
  pathParameter?: string;
  query?: string;
}

/** Keys that have broken JavaScript servers: prototype pollution, operators of document stores, odd names. */
const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$where',
  '$gt',
  '',
  '\u0000',
];

/** JSON text built by hand, so that `__proto__` stays an own key of the object sent. */
function objectText(entries: [string, unknown][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`;
}

const json = (text: string, kind: string): HostileRequest => ({
  kind,
  contentType: 'application/json',
  body: Buffer.from(text, 'utf8'),
});

/** Strings with control characters, lone surrogates, direction overrides, NUL. */
const controlString = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('\ud800', '\udfff', '\u202e', '\ufeff', '\u0000', '\u2028'),
      fc.string({ maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** A key the operation's schema does not have (the API refuses unknown fields). */
function extraKey(operation: Operation): fc.Arbitrary<string> {
  return fc
    .oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ minLength: 1, maxLength: 20 }), controlString)
    .filter((key) => !operation.properties.includes(key));
}

/** Some of the schema's own properties, with any JSON value. */
function someProperties(operation: Operation): fc.Arbitrary<[string, unknown][]> {
  if (operation.properties.length === 0) return fc.constant([]);
  return fc
    .subarray(operation.properties)
    .chain((keys) =>
      fc.tuple(...keys.map((key) => fc.tuple(fc.constant(key), fc.jsonValue({ maxDepth: 3 })))),
    ) as fc.Arbitrary<[string, unknown][]>;
}

/**
 * Requests no correct client sends, each invalid by construction (so that any 2xx is a defect): not an object,
 * unknown or polluting keys, a required field missing, wrong types everywhere, huge strings and arrays, deep nesting,
 * control characters, invalid UTF-8, malformed JSON, a wrong content type, oversized or strange path parameters.
 */
export function hostileRequests(operation: Operation): fc.Arbitrary<HostileRequest> {
  if (!operation.mediaType) return hostileAddresses(operation);
  const keys = operation.properties;
  const kinds: fc.Arbitrary<HostileRequest>[] = [
    fc
      .oneof(
        fc.integer(),
        fc.double(),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.jsonValue(), { maxLength: 5 }),
      )
      .map((value) => json(JSON.stringify(value), 'not an object')),
    fc
      .tuple(
        someProperties(operation),
        fc.array(fc.tuple(extraKey(operation), fc.jsonValue({ maxDepth: 4 })), {
          minLength: 1,
          maxLength: 4,
        }),
      )
      .map(([own, extra]) => json(objectText([...own, ...extra]), 'unknown or polluting keys')),
    fc
      .tuple(
        fc.constantFrom(...NASTY_KEYS.slice(0, 3)),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
      )
      .map(([key, value]) =>
        json(objectText([[key, { ...value, isAdmin: true, polluted: true }]]), 'prototype pollution'),
      ),
    fc
      .tuple(fc.integer(), fc.string())
      .map(([number, text]) =>
        json(
          objectText(keys.map((key) => [key, [number, text, { nested: number }]])),
          'wrong types everywhere',
        ),
      ),
    fc
      .tuple(
        fc.constantFrom(...(keys.length ? keys : ['value'])),
        fc.integer({ min: 20_000, max: 400_000 }),
        extraKey(operation),
      )
      .map(([own, length, key]) =>
        json(
          objectText([
            [own, 'x'.repeat(length)],
            [key, 1],
          ]),
          'huge strings',
        ),
      ),
    fc
      .tuple(
        fc.constantFrom(...(keys.length ? keys : ['value'])),
        fc.integer({ min: 1_000, max: 100_000 }),
        extraKey(operation),
      )
      .map(([own, length, key]) =>
        json(
          objectText([
            [own, new Array<number>(length).fill(7)],
            [key, 1],
          ]),
          'huge arrays',
        ),
      ),
    fc
      .tuple(fc.integer({ min: 33, max: 5_000 }), fc.boolean())
      .map(([depth, arrays]) =>
        json(
          arrays
            ? `${'['.repeat(depth)}${']'.repeat(depth)}`
            : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
          'deep nesting',
        ),
      ),
    fc
      .tuple(controlString, controlString)
      .map(([key, value]) =>
        json(
          objectText([...keys.map((k): [string, unknown] => [k, value]), [`${key}\u0000`, value]]),
          'control characters',
        ),
      ),
    fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({
      kind: 'invalid UTF-8',
      contentType: 'application/json',
      body: Buffer.concat([
        Buffer.from('{"'),
        Buffer.from(bytes.map((byte) => byte | 0x80)),
        Buffer.from('":"\xff\xfe"}', 'latin1'),
      ]),
    })),
    fc.tuple(someProperties(operation), fc.nat()).map(([own, cut]) => {
      const text = objectText([...own, ['extra', 1]]);
      return json(text.slice(0, 1 + (cut % Math.max(1, text.length - 2))), 'malformed JSON');
    }),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=guichet',
          'application/json; charset=utf-16',
          'image/png',
          'text/csv',
        ),
        fc.string({ maxLength: 200 }),
      )
      .filter(([type]) => type !== operation.mediaType)
      .map(([contentType, text]) => ({
        kind: 'wrong content type',
        contentType,
        body: Buffer.from(`${text}\u0000x=1`),
      })),
  ];
  if (operation.required.length > 0) {
    kinds.push(
      someProperties(operation)
        .map((own) => own.filter(([key]) => key !== operation.required[0]))
        .map((own) => json(objectText(own), 'required field missing')),
    );
  }
  if (/\{\w+\}/.test(operation.path)) {
    kinds.push(
      strangePathParameter.map((pathParameter) => ({
        ...json('{"extra":1}', 'strange path parameter'),
        pathParameter,
      })),
    );
  }
  return fc.oneof(...kinds);
}

/** Every byte percent-encoded (encodeURIComponent refuses lone surrogates; UTF-8 turns them into U+FFFD). */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

const strangePathParameter = fc.oneof(
  fc.integer({ min: 100, max: 9_000 }).map((length) => 'a'.repeat(length)),
  fc.constantFrom(
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '%C3%28',
    "1'%20OR%20'1'='1",
    '%7B%7D',
    'null',
    '-1',
    '%E2%80%AE',
  ),
  controlString.map((text) => percentEncoded(text)),
);

const strangeQuery = fc.oneof(
  fc.integer({ min: 100, max: 9_000 }).map((length) => `q=${'b'.repeat(length)}`),
  fc.constantFrom(
    '__proto__[admin]=1',
    'constructor[prototype][x]=1',
    'page=-1',
    'limit=999999999999',
    'a[]=1&a[]=2',
    '%ff%fe=%c3',
  ),
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 10 }), controlString)
    .map(([key, value]) => `${percentEncoded(key)}=${percentEncoded(value)}`),
);

/** For an operation without a body: oversized or strange path parameters and query strings. */
function hostileAddresses(operation: Operation): fc.Arbitrary<HostileRequest> {
  const withQuery = strangeQuery.map((query): HostileRequest => ({ kind: 'strange query', query }));
  const hasParameter = /\{\w+\}/.test(operation.path);
  // A query an action does not read is ignored, as HTTP wants: only reads get strange queries.
  if (operation.method !== 'GET')
    return hasParameter
      ? strangePathParameter.map((pathParameter) => ({ kind: 'strange path parameter', pathParameter }))
      : fc.constant({ kind: 'no body' });
  if (!hasParameter) return withQuery;
  return fc.oneof(
    withQuery,
    fc
      .tuple(strangePathParameter, fc.option(strangeQuery, { nil: undefined }))
      .map(([pathParameter, query]) => ({
        kind: 'strange path parameter',
        pathParameter,
        query,
      })),
  );
}
