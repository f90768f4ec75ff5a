import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { etalabCommuneDirectory } from '#domain';
import { eventDrivenServiceImports } from '#messaging';
import { ApplicationEntity } from './applications/application.entity.js';
import { ApplicationEventsHandler } from './applications/application.events.js';
import { ApplicationFollowUp } from './applications/application-follow-up.service.js';
import { CheckFollowUp } from './applications/check-follow-up.service.js';
import { CLOCK_JOB_INTERVAL_MS, ClockResumptionJob } from './applications/clock-resumption.job.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { ApplicationsService } from './applications/applications.service.js';
import { COMMUNE_DIRECTORY, PROCEDURE_SETTINGS } from './applications/procedure-context.js';
import { TimelineEntryEntity } from './applications/timeline-entry.entity.js';
import { CarePlanAnswerController } from './care-plans/care-plan-answer.controller.js';
import { CarePlanAnswerService } from './care-plans/care-plan-answer.service.js';
import { type IntakeConfig, retentionYearsOf } from './intake.config.js';
import { IntakeTables1763884900000 } from './migrations/1763884900000-intake-tables.js';
import { AnnualQuota1763885000000 } from './migrations/1763885000000-annual-quota.js';
import { ClockResumesAfter1764100000000 } from './migrations/1764100000000-clock-resumes-after.js';
import { AccessLog1764100100000 } from './migrations/1764100100000-access-log.js';
import type { Procedure, ProcedureSettings } from './procedures/procedure.js';
import { DEFAULT_PROCEDURES, PROCEDURES } from './procedures/procedure.registry.js';
import { ProcedureCatalogue } from './procedures/procedure-catalogue.js';
import { ProceduresController } from './procedures/procedures.controller.js';
import { DRAFT_RETENTION_DAYS, DraftRetention } from './retention/draft-retention.service.js';
import { FileRetentionJob, RETENTION_YEARS } from './retention/file-retention.job.js';
import { AccessLogEntity } from './staff-access/access-log.entity.js';
import { AccessLogController, StaffAccessController } from './staff-access/staff-access.controller.js';
import { StaffAccessService } from './staff-access/staff-access.service.js';
import { ControlAnswerService } from './evidence/control-answer.service.js';
import { EvidenceController } from './evidence/evidence.controller.js';
import { EvidenceReadingController } from './evidence/evidence-reading.controller.js';
import { EvidenceReadingService } from './evidence/evidence-reading.service.js';
import { evidenceStorageProvider } from './evidence/storage/evidence-storage.provider.js';
import { EVIDENCE_MAX_BYTES, EvidenceService } from './evidence/evidence.service.js';
import { Evidence1764100200000 } from './migrations/1764100200000-evidence.js';
import { RetentionDone1764900000000 } from './migrations/1764900000000-retention-done.js';

/** What tests (or a demonstration) put in place of the real bindings, e.g. the platform's `Clock`. */
export interface IntakeModuleOptions {
  /** Providers added last: they replace the module's own bindings of the same token. */
  overrides?: Provider[];
}

export function procedureSettings(config: IntakeConfig): ProcedureSettings {
  return {
    servedDepartements: config.SERVED_DEPARTEMENTS.split(','),
    apcrPopulationThreshold: config.APCR_POPULATION_THRESHOLD,
    apcrAdmitCommunesNouvelles: config.APCR_ADMIT_COMMUNES_NOUVELLES,
  };
}

@Module({})
export class IntakeModule {
  static readonly description =
    "Dépôt des demandes (APA, APCR) : brouillons, dépôt sur l'honneur, accusé de réception, délais, suivi du dossier.";

  /** `procedures` defaults to the registry; tests pass another list (e.g. with a third procedure). */
  static forRoot(
    config: IntakeConfig,
    procedures: readonly Procedure[] = DEFAULT_PROCEDURES,
    options: IntakeModuleOptions = {},
  ): DynamicModule {
    return {
      module: IntakeModule,
      imports: eventDrivenServiceImports({
        name: 'intake',
        config,
        database: {
          schema: 'intake',
          entities: [ApplicationEntity, TimelineEntryEntity, AccessLogEntity],
          migrations: [
            IntakeTables1763884900000,
            AnnualQuota1763885000000,
            ClockResumesAfter1764100000000,
            AccessLog1764100100000,
            Evidence1764100200000,
            RetentionDone1764900000000,
          ],
        },
      }),
      controllers: [
        ProceduresController,
        ApplicationsController,
        CarePlanAnswerController,
        StaffAccessController,
        AccessLogController,
        EvidenceController,
        EvidenceReadingController,
        ApplicationEventsHandler,
      ],
      providers: [
        { provide: PROCEDURES, useValue: procedures },
        { provide: PROCEDURE_SETTINGS, useValue: procedureSettings(config) },
        { provide: COMMUNE_DIRECTORY, useFactory: etalabCommuneDirectory },
        ProcedureCatalogue,
        ApplicationsService,
        ApplicationFollowUp,
        CheckFollowUp,
        CarePlanAnswerService,
        StaffAccessService,
        { provide: CLOCK_JOB_INTERVAL_MS, useValue: config.CLOCK_JOB_INTERVAL_MS },
        ClockResumptionJob,
        { provide: DRAFT_RETENTION_DAYS, useValue: config.DRAFT_RETENTION_DAYS },
        { provide: RETENTION_YEARS, useValue: retentionYearsOf(config) },
        FileRetentionJob,
        DraftRetention,
        evidenceStorageProvider(config),
        { provide: EVIDENCE_MAX_BYTES, useValue: config.EVIDENCE_MAX_BYTES },
        EvidenceService,
        EvidenceReadingService,
        ControlAnswerService,
        ...(options.overrides ?? []),
      ],
    };
  }
}
