import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ACCESS_PURPOSES, type AccessPurpose } from './access-purposes.js';
import { PageQuery } from '#platform';

export class ContentQuery {
  @ApiProperty({
    enum: ACCESS_PURPOSES,
    description:
      'Pourquoi vous consultez ce dossier : enregistré dans le journal des accès et montré à l’usager',
  })
  @IsIn(ACCESS_PURPOSES, { message: `doit être l’une des valeurs : ${ACCESS_PURPOSES.join(', ')}` })
  purpose: AccessPurpose;
}

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Un dossier' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ description: 'Identifiant (subject) de la personne qui a consulté' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({
    description: 'Depuis cet instant (ISO 8601, inclus)',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'Jusqu’à cet instant (ISO 8601, exclu)',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
