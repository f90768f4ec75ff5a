import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { payloadClassOf } from './catalogue.js';
import { type EventEnvelope, EventEnvelopeShape } from './envelope.js';

export type EventCheck =
  | { kind: 'valid'; event: EventEnvelope }
  | { kind: 'unknown-version'; type: string; version: number }
  | { kind: 'invalid'; reason: string };

function summarize(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...summarize(error.children ?? [], path)];
  });
}

/** Checks a decoded message against the envelope shape and the catalogue's payload class for its version. */
export function validateEvent(raw: unknown): EventCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'invalid', reason: 'the message is not a JSON object' };
  }
  const envelope = plainToInstance(EventEnvelopeShape, raw);
  const envelopeErrors = validateSync(envelope);
  if (envelopeErrors.length > 0) return { kind: 'invalid', reason: summarize(envelopeErrors).join('; ') };

  const payloadClass = payloadClassOf(envelope.type, envelope.version);
  if (!payloadClass) return { kind: 'unknown-version', type: envelope.type, version: envelope.version };
  const payload = plainToInstance(payloadClass, envelope.payload);
  const payloadErrors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (payloadErrors.length > 0) {
    return { kind: 'invalid', reason: summarize(payloadErrors, 'payload').join('; ') };
  }
  return { kind: 'valid', event: { ...(raw as EventEnvelope), payload } };
}
