import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { eventDrivenServiceImports } from '#messaging';
import { EmailChannel } from './channels/email.channel.js';
import { InProcessMailTransport, type MailTransport } from './channels/mail-transport.js';
import { ThreadedMailTransport } from './channels/threaded-mail-transport.js';
import { InAppChannel } from './channels/in-app.channel.js';
import { NOTIFICATION_CHANNELS } from './channels/notification-channel.js';
import { DeliveryFaults } from './delivery/delivery-faults.js';
import { DELIVERY_SETTINGS, DeliveryWorker } from './delivery/delivery-worker.js';
import { ANNOUNCE_DELIVERIES, OutcomeWriter } from './delivery/outcome-writer.js';
import { DigestItems } from './digest/digest-items.repository.js';
import { DIGEST_SETTINGS, DigestJob } from './digest/digest.job.js';
import { AdminMessagesController } from './http/admin-messages.controller.js';
import { InAppService } from './http/in-app.service.js';
import { MAX_PAGE_SIZE, NotificationsController } from './http/notifications.controller.js';
import { EventNotifier, NOTIFIER_SETTINGS } from './messages/event-notifier.service.js';
import { MessagesRepository } from './messages/messages.repository.js';
import { NotificationEventsHandler } from './messages/notification.events.js';
import { NotificationsTables1764000300000 } from './migrations/1764000300000-notifications-tables.js';
import { DeliveryWorkers1764800000000 } from './migrations/1764800000000-delivery-workers.js';
import type { NotificationsConfig } from './notifications.config.js';
import { RETENTION_SETTINGS, RetentionJob } from './retention/retention.job.js';
import { DirectoryCopy } from './recipients/directory-copy.repository.js';
import { DEFAULT_TEMPLATES, TemplateRegistry, TEMPLATE_DEFINITIONS } from './templates/template-registry.js';
import type { TemplateDefinition } from './templates/template.js';

/** What tests put in place of the real bindings (`Clock`, channels, templates). */
export interface NotificationsModuleOptions {
  overrides?: Provider[];
}

@Module({})
export class NotificationsModule {
  static readonly description =
    'Notifications : modèles, canaux (e-mail SMTP, in-app), journal de remise, nouvelles tentatives.';

  static forRoot(config: NotificationsConfig, options: NotificationsModuleOptions = {}): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ...eventDrivenServiceImports({
          name: 'notifications',
          config,
          database: {
            schema: 'notifications',
            entities: [],
            migrations: [NotificationsTables1764000300000, DeliveryWorkers1764800000000],
          },
        }),
      ],
      controllers: [NotificationEventsHandler, NotificationsController, AdminMessagesController],
      providers: [...notificationsProviders(config), ...(options.overrides ?? [])],
    };
  }
}

/** The SMTP transport: in SMTP threads when `SMTP_THREADS` > 0, else in the service's thread. */
function mailTransport(config: NotificationsConfig): MailTransport {
  const settings = {
    url: config.SMTP_URL,
    poolSize: config.SMTP_POOL_SIZE,
    // Below DELIVERY_STALE_SENDING_MS, so that a live sender never looks dead.
    timeoutMs: Math.min(60_000, Math.floor(config.DELIVERY_STALE_SENDING_MS / 2)),
  };
  return config.SMTP_THREADS > 0
    ? new ThreadedMailTransport(settings, config.SMTP_THREADS)
    : new InProcessMailTransport(settings);
}

function notificationsProviders(config: NotificationsConfig): Provider[] {
  return [
    { provide: TEMPLATE_DEFINITIONS, useValue: DEFAULT_TEMPLATES },
    {
      provide: TemplateRegistry,
      inject: [TEMPLATE_DEFINITIONS],
      useFactory: (definitions: TemplateDefinition[]) => new TemplateRegistry(definitions),
    },
    {
      provide: NOTIFICATION_CHANNELS,
      useFactory: () => [new EmailChannel(mailTransport(config), config.SMTP_FROM), new InAppChannel()],
    },
    {
      provide: DELIVERY_SETTINGS,
      useValue: {
        enabled: config.DELIVERY_WORKER_ENABLED,
        pollMs: config.DELIVERY_POLL_MS,
        batchSize: config.DELIVERY_BATCH_SIZE,
        lanes: config.DELIVERY_LANES,
        staleSendingMs: config.DELIVERY_STALE_SENDING_MS,
        maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
        baseMs: config.DELIVERY_RETRY_BASE_MS,
        maxMs: config.DELIVERY_RETRY_MAX_MS,
      },
    },
    {
      provide: DeliveryFaults,
      useValue: new DeliveryFaults(config.NODE_ENV === 'test' ? config.DELIVERY_FAULT : undefined),
    },
    {
      provide: NOTIFIER_SETTINGS,
      useValue: { auditTeamCode: config.AUDIT_TEAM_CODE, siteUrl: config.PUBLIC_SITE_URL },
    },
    {
      provide: DIGEST_SETTINGS,
      useValue: {
        hour: config.DIGEST_HOUR,
        intervalMs: config.DIGEST_JOB_INTERVAL_MS,
        siteUrl: config.PUBLIC_SITE_URL,
      },
    },
    { provide: ANNOUNCE_DELIVERIES, useValue: config.ANNOUNCE_DELIVERIES },
    { provide: MAX_PAGE_SIZE, useValue: config.NOTIFICATIONS_MAX_PAGE_SIZE },
    { provide: DirectoryCopy, useFactory: () => new DirectoryCopy(config.DIGEST_DEFAULT) },
    MessagesRepository,
    DigestItems,
    EventNotifier,
    DeliveryWorker,
    OutcomeWriter,
    DigestJob,
    InAppService,
    {
      provide: RETENTION_SETTINGS,
      useValue: { messageDays: config.MESSAGE_RETENTION_DAYS, contactDays: config.CONTACT_RETENTION_DAYS },
    },
    RetentionJob,
  ];
}
