import {
  IsBoolean,
  IsInt,
  Matches,
  Max,
  Min,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { EnvBoolean, ServiceConfig } from '#platform';

@ValidatorConstraint({ name: 'longerThanStreamRetention' })
class LongerThanStreamRetention implements ValidatorConstraintInterface {
  validate(days: unknown, args: ValidationArguments): boolean {
    return typeof days === 'number' && days > (args.object as MessagingConfig).NATS_STREAM_MAX_AGE_DAYS;
  }

  defaultMessage(): string {
    return 'doit dépasser NATS_STREAM_MAX_AGE_DAYS : sinon un événement encore dans le flux pourrait être traité deux fois';
  }
}

/** Variables of the event backbone, on top of the platform's. Every service's configuration extends this. */
export class MessagingConfig extends ServiceConfig {
  /** JetStream stream that holds every `guichet.>` event. */
  @Matches(/^[A-Za-z0-9_-]+$/)
  NATS_STREAM: string = 'GUICHET';

  /** Stream replicas: 1 on a single server, 3 on a NATS cluster. */
  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  /** How long the stream keeps events, in days (limits retention). */
  @IsInt()
  @Min(1)
  NATS_STREAM_MAX_AGE_DAYS: number = 30;

  /** Tries of a failing handler before its message is parked as a dead letter. */
  @IsInt()
  @Min(1)
  @Max(100)
  EVENT_MAX_DELIVER: number = 5;

  /** Delay before the first retry; it doubles at each try up to EVENT_RETRY_MAX_MS. */
  @IsInt()
  @Min(10)
  EVENT_RETRY_BASE_MS: number = 1_000;

  @IsInt()
  @Min(10)
  EVENT_RETRY_MAX_MS: number = 60_000;

  /**
   * An event that arrived before the one it needs (the handler threw NotYet) comes again after this delay,
   * doubling up to EVENT_WAIT_RETRY_MAX_MS; waiting never spends one of the EVENT_MAX_DELIVER tries.
   */
  @IsInt()
  @Min(10)
  EVENT_WAIT_RETRY_BASE_MS: number = 200;

  @IsInt()
  @Min(10)
  EVENT_WAIT_RETRY_MAX_MS: number = 5_000;

  /** How long an event may wait for its predecessor before it is parked as a dead letter (default 6 hours). */
  @IsInt()
  @Min(100)
  EVENT_WAIT_MAX_MS: number = 6 * 3_600_000;

  /** Messages a consumer handles at once (events of one aggregate always one after the other). */
  @IsInt()
  @Min(1)
  @Max(256)
  EVENT_CONCURRENCY: number = 64;

  /**
   * How long a delivered message may stay unacknowledged before redelivery: what a message held by a process that
   * died waits. A live process reports progress on the messages it holds, so a slow handler is not redelivered.
   */
  @IsInt()
  @Min(500)
  EVENT_ACK_WAIT_MS: number = 10_000;

  /** Fallback polling period of the outbox relay when no LISTEN/NOTIFY wake-up comes. */
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS: number = 1_000;

  @IsInt()
  @Min(1)
  @Max(5_000)
  OUTBOX_BATCH_SIZE: number = 500;

  /**
   * After a batch that found events, the relay waits this long before the next one, so that events written
   * meanwhile go out together (0: never wait). An event written while the relay is idle goes out at once.
   */
  @IsInt()
  @Min(0)
  @Max(1_000)
  OUTBOX_LINGER_MS: number = 5;

  /** Published outbox rows are deleted after this many days. */
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_DAYS: number = 7;

  /** Inbox records are deleted after this many days; it must exceed NATS_STREAM_MAX_AGE_DAYS. */
  @IsInt()
  @Min(1)
  @Validate(LongerThanStreamRetention)
  INBOX_RETENTION_DAYS: number = 45;

  /** This process publishes its service's outbox (turn off for a consumer-only replica). */
  @EnvBoolean()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED: boolean = true;

  /** This process consumes its service's events (turn off for an HTTP- or relay-only replica). */
  @EnvBoolean()
  @IsBoolean()
  EVENT_CONSUMERS_ENABLED: boolean = true;
}
