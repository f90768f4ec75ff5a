import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** True when an `If-None-Match` header names this entity tag (weak comparison, RFC 9110 §13.1.2). */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * An answer that only changes with a deployment, serialized once with its strong entity tag: served with
 * `ETag` and `Cache-Control`, and as `304 Not Modified` to a client that already holds it.
 */
export class CacheableJson {
  readonly body: Buffer;
  readonly etag: string;

  constructor(
    value: unknown,
    private readonly maxAgeSeconds = 300,
  ) {
    this.body = Buffer.from(JSON.stringify(value));
    this.etag = `"${createHash('sha256').update(this.body).digest('base64url')}"`;
  }

  send(request: Request, response: Response): void {
    response.setHeader('ETag', this.etag);
    response.setHeader('Cache-Control', `public, max-age=${this.maxAgeSeconds}`);
    if (noneMatch(request.headers['if-none-match'], this.etag)) {
      response.status(304).end();
      return;
    }
    response.type('application/json; charset=utf-8').send(this.body);
  }
}
