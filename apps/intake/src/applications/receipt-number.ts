/** `APA-2026-000123`: procedure prefix, year of filing, 6-digit sequence without gaps per procedure and year. */
export function formatReceiptNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}
