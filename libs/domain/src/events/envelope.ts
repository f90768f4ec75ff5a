import 'reflect-metadata';
import { IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';

/** Every event on the bus travels in this envelope; `payload` is the class the catalogue names for type + version. */
export interface EventEnvelope<P extends object = object> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actor: string | null;
  /** Key of the aggregate the event is about (e.g. the application id): order is kept per aggregate. */
  aggregateId: string;
  payload: P;
}

/** Validation shape of an incoming envelope, before its payload is checked against the catalogue. */
export class EventEnvelopeShape {
  @IsUUID()
  id: string;

  @Matches(/^guichet\.[a-z-]+\.[a-z-]+$/)
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsString()
  correlationId: string;

  @IsOptional()
  @IsString()
  causationId: string | null;

  @IsOptional()
  @IsString()
  actor: string | null;

  @IsString()
  aggregateId: string;

  @IsObject()
  payload: object;
}
