import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHECK_OUTCOMES, type CheckOutcome } from '#domain';
import { PageQuery } from '#platform';
import { CASE_STATUSES, type CaseStatus } from '../cases/case.lifecycle.js';
import { RISK_OPERATORS, type RiskOperator } from '../sampling/sampling.rules.js';

export class ApplicationIdParam {
  @IsUUID('all', { message: 'doit être un identifiant de dossier (uuid)' })
  applicationId: string;
}

export class ProcedureParam {
  @Matches(/^[a-z][a-z0-9-]{1,31}$/, { message: 'doit être un code de démarche (ex. apa)' })
  procedure: string;
}

export class RiskRuleRequest {
  @ApiProperty({ example: 'resources-near-threshold' }) @Matches(/^[a-z0-9-]{2,64}$/) id: string;
  @ApiProperty({ example: 'Ressources juste sous un seuil' }) @IsString() @MaxLength(200) label: string;
  @ApiProperty({ example: 'monthlyResourcesCents' }) @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}$/) field: string;
  @ApiProperty({ enum: RISK_OPERATORS }) @IsIn([...RISK_OPERATORS]) operator: RiskOperator;
  @ApiProperty({
    oneOf: [
      { type: 'number' },
      { type: 'string' },
      { type: 'boolean' },
      { type: 'array', items: { type: 'number' } },
    ],
    example: [90000, 100000],
  })
  @IsDefined()
  value: string | number | boolean | [number, number];
  @ApiProperty({ example: 0.15 }) @IsNumber() @Min(-1) @Max(1) weight: number;
}

export class PolicyRequest {
  @ApiProperty({
    example: 0.05,
    description: 'Part aléatoire : probabilité d’un dossier sans facteur de risque',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  baseRate: number;

  @ApiProperty({ type: [RiskRuleRequest] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RiskRuleRequest)
  rules: RiskRuleRequest[];

  @ApiProperty({ example: 0.02 }) @IsNumber() @Min(0) @Max(1) floor: number;
  @ApiProperty({ example: 0.6 }) @IsNumber() @Min(0) @Max(1) ceiling: number;
}

export class TargetedCheckRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'doit être un identifiant de dossier (uuid)' })
  applicationId: string;

  @ApiProperty({ example: 'Signalement : ressources déclarées incohérentes avec un autre dossier' })
  @IsString()
  @MinLength(10, { message: 'doit expliquer le motif (10 caractères au moins)' })
  @MaxLength(2000)
  reason: string;
}

export class CaseIdParam {
  @IsUUID('all', { message: 'doit être un identifiant de contrôle (uuid)' })
  id: string;
}

export class EvidenceRequest {
  @ApiProperty({
    type: [String],
    example: ['Avis d’imposition 2025', 'Relevés de pension des 3 derniers mois'],
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'doit nommer au moins une pièce' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  documents: string[];

  @ApiProperty({ example: 'Dans le cadre du contrôle a posteriori de votre dossier, merci de transmettre…' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  message: string;

  @ApiPropertyOptional({ format: 'date', description: 'Par défaut : dans CHECKS_EVIDENCE_DAYS jours' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date qui existe' })
  dueDate?: string;
}

export class ProposalRequest {
  @ApiProperty({ enum: CHECK_OUTCOMES }) @IsIn([...CHECK_OUTCOMES]) outcome: CheckOutcome;
  @ApiProperty()
  @IsString()
  @MinLength(10, { message: 'doit motiver la proposition' })
  @MaxLength(2000)
  reason: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) overpaymentCents?: number;
}

export class ConclusionRequest extends ProposalRequest {
  @ApiPropertyOptional({ description: 'Indu : montant mensuel versé (les retenues en dépendent)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  monthlyPaymentCents?: number;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Indu : date du dernier versement concerné (la prescription en part)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date qui existe' })
  paidOn?: string;
}

export class PeriodQuery {
  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date qui existe' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'inclus' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date qui existe' })
  to: string;
}

export class CaseQueueQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'Un état des contrôles' })
  @IsOptional()
  @IsIn([...CASE_STATUSES], { message: `doit être l’un des états : ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ example: 'apa', description: 'Une démarche' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,31}$/, { message: 'doit être un code de démarche (ex. apa)' })
  procedure?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Un dossier' })
  @IsOptional()
  @IsUUID('all', { message: 'doit être un identifiant de dossier (uuid)' })
  applicationId?: string;
}
