import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class CreateApplicationRequest {
  @ApiProperty({ example: 'apa', description: 'Code de la démarche (voir GET /api/procedures)' })
  @Matches(/^[a-z][a-z0-9-]{1,30}$/, { message: 'doit être le code d’une démarche (ex. apa)' })
  procedure: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Début du formulaire (peut être incomplet)',
  })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class SaveDraftRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Parties du formulaire à enregistrer (les parties absentes sont conservées)',
  })
  @IsObject()
  data: Record<string, unknown>;
}

export class SubmitRequest {
  @ApiProperty({ description: 'Je certifie sur l’honneur l’exactitude des informations déclarées.' })
  @IsBoolean()
  swornStatement: boolean;
}

export class WithdrawRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ComplementRequest {
  @ApiProperty({ description: 'Votre réponse à la demande de complément' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  requestId?: string;
}

export class ApplicationIdParam {
  @IsUUID()
  id: string;
}

export const IDEMPOTENCY_KEY_FORMAT = /^[A-Za-z0-9._:-]{8,128}$/;
