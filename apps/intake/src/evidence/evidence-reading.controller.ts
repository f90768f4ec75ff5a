import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '#platform';
import { ApplicationIdParam } from '../applications/applications.dto.js';
import { EvidenceReadingService } from './evidence-reading.service.js';
import { EVIDENCE_TYPES } from './evidence.rules.js';
import { EvidenceListDoc } from './evidence.views.js';

export class EvidenceParams extends ApplicationIdParam {
  @IsUUID()
  evidenceId: string;
}

const ID = { name: 'id', format: 'uuid', description: 'Identifiant de la demande' };

/** The evidence of a file: for the citizen who sent it and the auditor of an open control (downloads logged). */
@ApiTags('demandes')
@Controller('api/applications')
@Roles('citizen', 'auditor')
export class EvidenceReadingController {
  constructor(private readonly evidence: EvidenceReadingService) {}

  @Get(':id/evidence')
  @ApiOperation({
    operationId: 'listEvidence',
    summary:
      'Les pièces envoyées pour un contrôle a posteriori (l’usager, ou le contrôleur pendant le contrôle)',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: EvidenceListDoc })
  @ApiErrors(404)
  list(@CurrentPrincipal() principal: Principal, @Param() params: ApplicationIdParam) {
    return this.evidence.list(principal, params.id);
  }

  @Get(':id/evidence/:evidenceId')
  @ApiOperation({
    operationId: 'downloadEvidence',
    summary: 'Télécharge une pièce (le téléchargement d’un contrôleur est inscrit au journal des accès)',
  })
  @ApiParam(ID)
  @ApiParam({ name: 'evidenceId', format: 'uuid', description: 'Identifiant de la pièce' })
  @ApiProduces(...Object.keys(EVIDENCE_TYPES))
  @ApiOkResponse({ description: 'Le fichier tel qu’envoyé', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404, 503)
  async download(@CurrentPrincipal() principal: Principal, @Param() params: EvidenceParams) {
    const file = await this.evidence.download(principal, params.id, params.evidenceId);
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.content.byteLength,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
