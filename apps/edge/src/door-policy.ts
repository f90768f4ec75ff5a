/**
 * What the edge adds at the door to every answer, and which cross-origin callers it lets in. Pure: the edge server
 * applies it to its own answers and to those it forwards.
 */

export interface DoorSettings {
  /** The public address is HTTPS: browsers are told to keep to it (HSTS). */
  https: boolean;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  allowedOrigins: readonly string[];
}

/** Paths of the API: JSON only, so the strictest policy (nothing may load, nothing may frame it). */
export function isApiPath(path: string): boolean {
  return /^\/api(\/|\?|$)/.test(path);
}

/**
 * Headers every answer carries unless the service that made it set its own (the pages set a CSP with their nonce and
 * their own referrer policy): no MIME sniffing, no framing, no referrer leaving the site, HSTS over HTTPS.
 */
export function securityHeaders(path: string, settings: DoorSettings): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'content-security-policy': isApiPath(path)
      ? "default-src 'none'; frame-ancestors 'none'"
      : "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    ...(settings.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * CORS headers for a browser's call from another origin, when that origin is configured (exact match); null otherwise:
 * the browser then keeps the answer from the calling page. The API authenticates with bearer tokens, never cookies, so
 * a call the browser sends anyway acts with no one's rights.
 */
export function corsHeaders(
  origin: string | undefined,
  settings: DoorSettings,
): Record<string, string> | null {
  if (!origin || !settings.allowedOrigins.includes(origin)) return null;
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
    'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key, X-Correlation-Id',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}
