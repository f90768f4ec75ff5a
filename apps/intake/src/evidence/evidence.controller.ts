import { Body, Controller, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IsString, MaxLength, MinLength } from 'class-validator';
import {
  ApiBody,
  ApiProperty,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '#platform';
import { ApplicationIdParam } from '../applications/applications.dto.js';
import { ApplicationViewDoc } from '../applications/applications.responses.js';
import { ControlAnswerService } from './control-answer.service.js';
import { EvidenceService, type UploadedEvidence } from './evidence.service.js';
import { EvidenceItemDoc } from './evidence.views.js';

export class ControlAnswerRequest {
  @ApiProperty({ example: 'J’avais oublié de déclarer la pension de réversion ; je joins le justificatif.' })
  @IsString()
  @MinLength(2, { message: 'ne doit pas être vide' })
  @MaxLength(4000)
  answer: string;
}

/** Hard ceiling of what multer reads into memory; the configured limit (EVIDENCE_MAX_BYTES) is checked below it. */
const UPLOAD_CEILING_BYTES = 20 * 1_048_576;

@ApiTags('demandes')
@Controller('api/applications')
@Roles('citizen')
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly answers: ControlAnswerService,
  ) {}

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
  @ApiCreatedResponse({
    type: EvidenceItemDoc,
    description: 'La pièce est enregistrée et transmise au contrôle',
  })
  @ApiErrors(404, 409, 413, 503)
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @UploadedFile() file: UploadedEvidence | undefined,
  ) {
    return this.evidence.receive(principal, params.id, file);
  }

  @Post(':id/control-answer')
  @ApiOperation({
    operationId: 'answerControl',
    summary: 'Répond à la conclusion proposée par un contrôle (phase contradictoire), avant la date indiquée',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Identifiant de la demande' })
  @ApiCreatedResponse({ type: ApplicationViewDoc })
  @ApiErrors(404, 409)
  answerControl(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @Body() body: ControlAnswerRequest,
  ) {
    return this.answers.answer(principal, params.id, body.answer);
  }
}
