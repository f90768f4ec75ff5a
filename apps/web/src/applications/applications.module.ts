import { Module } from '@nestjs/common';
import { PersonalDataController } from '../personal-data/personal-data.controller.js';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue.js';
import { ProcedurePagesController } from '../procedures/procedure-pages.controller.js';
import { DraftPagesController } from './draft-pages.controller.js';
import { EvidencePagesController } from './evidence-pages.controller.js';
import { FilePagesController } from './file-pages.controller.js';

/** Procedures, drafts and files: what a citizen files and follows. */
@Module({
  controllers: [
    ProcedurePagesController,
    DraftPagesController,
    FilePagesController,
    EvidencePagesController,
    PersonalDataController,
  ],
  providers: [ProcedureCatalogue, FilePagesController],
  exports: [ProcedureCatalogue],
})
export class ApplicationsModule {}
