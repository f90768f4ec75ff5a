import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MessagingConfig } from '#messaging';
import { EnvBoolean } from '#platform';

/** Configuration of the notifications service: the platform's and the backbone's variables, SMTP, retries, digest. */
export class NotificationsConfig extends MessagingConfig {
  /** SMTP server, as a URL (`smtp://user:pass@host:587`, `smtps://…`); `npm start` points it at the local maildev. */
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'doit être une URL smtp://hôte:port ou smtps://hôte:port' })
  SMTP_URL: string = 'smtp://127.0.0.1:1025';

  /** Sender of every e-mail. */
  @IsString()
  SMTP_FROM: string = 'Guichet — Département du Calvados <ne-pas-repondre@guichet.example.fr>';

  /** SMTP connections of the pool. */
  @IsInt()
  @Min(1)
  @Max(50)
  SMTP_POOL_SIZE: number = 5;

  /**
   * Worker threads carrying the SMTP exchanges (they share the pool's connections); 0 keeps them in the service's
   * thread. One thread lets composing and writing e-mails run beside the event handlers, on another core.
   */
  @IsInt()
  @Min(0)
  @Max(8)
  SMTP_THREADS: number = 1;

  /** How often the delivery worker looks for messages to send when it found none, in ms. */
  @IsInt()
  @Min(10)
  DELIVERY_POLL_MS: number = 250;

  /** Messages the worker claims at once. */
  @IsInt()
  @Min(1)
  @Max(1_000)
  DELIVERY_BATCH_SIZE: number = 25;

  /** Claim-and-send loops side by side in one process (each claims its own batch). */
  @IsInt()
  @Min(1)
  @Max(32)
  DELIVERY_LANES: number = 4;

  /** Tries of a message whose SMTP server answers 4xx (or cannot be reached) before it becomes a permanent failure. */
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_MAX_ATTEMPTS: number = 6;

  /** Delay before the first retry; it doubles at each try up to DELIVERY_RETRY_MAX_MS. */
  @IsInt()
  @Min(10)
  DELIVERY_RETRY_BASE_MS: number = 60_000;

  @IsInt()
  @Min(10)
  DELIVERY_RETRY_MAX_MS: number = 3_600_000;

  /** A message left in `sending` longer than this (its process died) is sent again. */
  @IsInt()
  @Min(100)
  DELIVERY_STALE_SENDING_MS: number = 120_000;

  /** This process sends what the delivery log holds (turn off for an HTTP-only replica). */
  @EnvBoolean()
  @IsBoolean()
  DELIVERY_WORKER_ENABLED: boolean = true;

  /** How often the digest job looks whether the digest hour has come, in ms. */
  @IsInt()
  @Min(1_000)
  DIGEST_JOB_INTERVAL_MS: number = 300_000;

  /** Announce each delivered e-mail as `notification.delivered` (failures are always announced). */
  @EnvBoolean()
  @IsBoolean()
  ANNOUNCE_DELIVERIES: boolean = true;

  /** Hour (Europe/Paris, 0–23) at which agents who chose the digest get it. */
  @IsInt()
  @Min(0)
  @Max(23)
  DIGEST_HOUR: number = 7;

  /** What an agent gets before choosing: each new file at once, or the daily digest. */
  @IsIn(['immediate', 'digest'])
  DIGEST_DEFAULT: 'immediate' | 'digest' = 'immediate';

  /** Team of the auditors (directory code): told when a citizen sends evidence or answers a proposed conclusion. */
  @IsString()
  AUDIT_TEAM_CODE: string = 'controle';

  /** Messages in a final status (addresses, texts) are deleted after this many days. */
  @IsInt()
  @Min(1)
  MESSAGE_RETENTION_DAYS: number = 400;

  /** A citizen's contact copy is deleted this many days after the file was submitted (checks come after the fact). */
  @IsInt()
  @Min(1)
  CONTACT_RETENTION_DAYS: number = 1_830;

  /** Largest page of `GET /api/notifications` and of the admin lists. */
  @IsInt()
  @Min(1)
  @Max(500)
  NOTIFICATIONS_MAX_PAGE_SIZE: number = 100;

  /** Base URL of the citizens' site, in the messages' links. */
  @IsString()
  PUBLIC_SITE_URL: string = 'http://localhost:3000';

  /** Tests only: where the sender stops the process (`after-claim`, `after-accepted`, `after-saved`). */
  @IsOptional()
  @IsIn(['after-claim', 'after-accepted', 'after-saved'])
  DELIVERY_FAULT?: 'after-claim' | 'after-accepted' | 'after-saved';
}
