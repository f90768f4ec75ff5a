import { Controller, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '#platform';
import { ApplicationIdParam } from '../applications/applications.dto.js';
import { EvidenceService, type UploadedEvidence } from './evidence.service.js';

/** Hard ceiling of what multer reads into memory; the configured limit (EVIDENCE_MAX_BYTES) is checked below it. */
const UPLOAD_CEILING_BYTES = 20 * 1_048_576;

@ApiTags('demandes')
@Controller('api/applications')
@Roles('citizen')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post(':id/evidence')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: UPLOAD_CEILING_BYTES, files: 1 } }))
  @ApiOperation({
    operationId: 'uploadEvidence',
    summary: 'Envoie une pièce demandée pour un contrôle a posteriori (PDF, JPEG ou PNG)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Identifiant de la demande' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ description: 'La pièce est enregistrée et transmise au contrôle' })
  @ApiErrors(404, 409, 413)
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @UploadedFile() file: UploadedEvidence | undefined,
  ) {
    return this.evidence.receive(principal, params.id, file);
  }
}
