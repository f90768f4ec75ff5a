import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PageApi } from './api/page-api.js';
import { AdminPagesModule } from './admin/admin-pages.module.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { ChecksPagesModule } from './checks/checks-pages.module.js';
import { PageExceptionFilter } from './errors/page-exception.filter.js';
import { PagesController } from './home/pages.controller.js';
import { ContactsController } from './contacts/contacts.controller.js';
import { MessagesController } from './messages/messages.controller.js';
import { CsrfCheck } from './session/csrf.js';
import { SessionStore } from './session/session.middleware.js';
import { OidcClient } from './sign-in/oidc-client.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { SimulatorController } from './simulator/simulator.controller.js';
import { StaffPagesModule } from './staff/staff-pages.module.js';
import type { WebConfig } from './web.config.js';
import { WEB_CONFIG } from './web.tokens.js';

/** The pages: a client of the public API with the signed-in person's token; no database, no NATS. */
@Module({})
export class WebModule {
  static forConfig(config: WebConfig): DynamicModule {
    return {
      module: WebModule,
      global: true,
      imports: [ApplicationsModule, StaffPagesModule, ChecksPagesModule, AdminPagesModule],
      controllers: [
        PagesController,
        SignInController,
        ContactsController,
        MessagesController,
        SimulatorController,
      ],
      providers: [
        { provide: WEB_CONFIG, useValue: config },
        {
          provide: SessionStore,
          useValue: new SessionStore({
            secret: config.SESSION_SECRET,
            idleMinutes: config.SESSION_IDLE_MINUTES,
            secure: config.PUBLIC_BASE_URL.startsWith('https:'),
          }),
        },
        PageApi,
        OidcClient,
        CsrfCheck,
        { provide: APP_FILTER, useClass: PageExceptionFilter },
      ],
      exports: [WEB_CONFIG, PageApi, SessionStore, CsrfCheck],
    };
  }
}
