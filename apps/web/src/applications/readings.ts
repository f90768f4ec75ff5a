/** The texts of a file's readings, as `GET /api/applications/{id}/accesses` words them (« Lu le … par … »). */
export function readingTexts(body: unknown): string[] {
  const items = body && typeof body === 'object' && 'items' in body ? (body as { items: unknown }).items : [];
  return Array.isArray(items)
    ? items
        .map((item: unknown) => (item && typeof item === 'object' && 'text' in item ? String(item.text) : ''))
        .filter(Boolean)
    : [];
}
