import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { eventDrivenServiceImports } from '#messaging';
import { AuditService } from './audit/audit.service.js';
import { CaseDeadlineJob } from './cases/case-deadline.job.js';
import { CaseEvents } from './cases/case.events.js';
import { CasesService } from './cases/cases.service.js';
import { CaseQueue } from './cases/case-queue.service.js';
import { StatisticsService } from './cases/statistics.service.js';
import type { ChecksConfig } from './checks.config.js';
import { CHECKS_CONFIG } from './checks.tokens.js';
import { ChecksController } from './http/checks.controller.js';
import { ChecksTables1764000300000 } from './migrations/1764000300000-checks-tables.js';
import { AuditAnonymisable1764900000001 } from './migrations/1764900000001-audit-anonymisable.js';
import { PoliciesService } from './sampling/policies.service.js';
import { SelectionEvents } from './sampling/selection.events.js';
import { SelectionService } from './sampling/selection.service.js';

export interface ChecksModuleOptions {
  /** Providers added last: they replace the module's own bindings of the same token (e.g. `Clock` in tests). */
  overrides?: Provider[];
}

@Module({})
export class ChecksModule {
  static readonly description =
    "Contrôles a posteriori : politique d'échantillonnage, dossiers de contrôle, constats, conclusions.";

  static forRoot(config: ChecksConfig, options: ChecksModuleOptions = {}): DynamicModule {
    return {
      module: ChecksModule,
      imports: [
        ...eventDrivenServiceImports({
          name: 'checks',
          config,
          database: {
            schema: 'checks',
            entities: [],
            migrations: [ChecksTables1764000300000, AuditAnonymisable1764900000001],
          },
        }),
      ],
      controllers: [ChecksController, SelectionEvents, CaseEvents],
      providers: [
        { provide: CHECKS_CONFIG, useValue: config },
        SelectionService,
        PoliciesService,
        AuditService,
        CasesService,
        CaseQueue,
        CaseDeadlineJob,
        StatisticsService,
        ...(options.overrides ?? []),
      ],
    };
  }
}
