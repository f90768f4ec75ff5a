import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '#platform';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AGENT_OUTCOMES, type AgentOutcome } from '../decisions/decision.rules.js';
import { FILE_STATUSES, type FileStatus } from '../files/file.lifecycle.js';

const LEGAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FileIdParam {
  @IsUUID()
  id: string;
}

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: FILE_STATUSES,
    description: 'Filtre par état (plusieurs séparés par des virgules)',
  })
  @IsOptional()
  @Matches(new RegExp(`^(${FILE_STATUSES.join('|')})(,(${FILE_STATUSES.join('|')}))*$`), {
    message: `doit être un ou plusieurs états parmi ${FILE_STATUSES.join(', ')}`,
  })
  status?: string;

  @ApiPropertyOptional({
    description: '« me » (mes dossiers), « none » (non attribués) ou l’identifiant d’un agent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assignee?: string;

  @ApiPropertyOptional({ example: 'apa' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,30}$/, { message: 'doit être le code d’une démarche (ex. apa)' })
  procedure?: string;

  @ApiPropertyOptional({ description: 'Code INSEE de la commune du dossier', example: '14118' })
  @IsOptional()
  @Matches(/^\d[\dAB]\d{3}$/, { message: 'doit être un code INSEE de 5 caractères (ex. 14118)' })
  commune?: string;

  @ApiPropertyOptional({ description: 'Une seule de vos équipes' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  team?: string;

  @ApiPropertyOptional({
    description: 'true : seulement les dossiers confiés à l’équipe par défaut (à vérifier)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'doit valoir true ou false' })
  flagged?: 'true' | 'false';

  statuses(): FileStatus[] | undefined {
    return this.status ? (this.status.split(',') as FileStatus[]) : undefined;
  }
}

export class AssignRequest {
  @ApiProperty({ description: 'Identifiant (sub) de l’agent de l’équipe à qui attribuer le dossier' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  agentId: string;
}

export class RequestInfoRequest {
  @ApiProperty({ description: 'Ce qui est demandé au demandeur, et pourquoi' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  message: string;

  @ApiProperty({ example: '2027-01-15', description: 'Date limite de réponse (AAAA-MM-JJ, heure de Paris)' })
  @Matches(LEGAL_DATE, { message: 'doit être une date au format AAAA-MM-JJ' })
  answerBy: string;
}

export class EvaluationRequest {
  @ApiProperty({ example: '2026-03-02', description: 'Date de la visite à domicile' })
  @Matches(LEGAL_DATE, { message: 'doit être une date au format AAAA-MM-JJ' })
  evaluatedOn: string;

  @ApiProperty({ minimum: 1, maximum: 6, description: 'GIR selon la grille AGGIR (1 = le plus dépendant)' })
  @IsInt()
  @Min(1)
  @Max(6)
  gir: number;
}

export class CarePlanRequest {
  @ApiProperty({ description: 'Montant mensuel du plan d’aide proposé, en centimes' })
  @IsInt()
  @Min(1)
  planCents: number;

  @ApiPropertyOptional({ description: 'Les aides prévues (heures d’aide à domicile, portage de repas…)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class DecideRequest {
  @ApiProperty({ enum: AGENT_OUTCOMES })
  @IsIn(AGENT_OUTCOMES, { message: `doit valoir ${AGENT_OUTCOMES.join(', ')}` })
  outcome: AgentOutcome;

  @ApiPropertyOptional({ description: 'Motif : obligatoire pour un refus (règle appliquée et faits)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'APCR : montant accordé en centimes (APA : calculé à partir du plan accepté)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  amountCents?: number;
}
