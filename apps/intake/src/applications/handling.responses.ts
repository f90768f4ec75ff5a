import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_OUTCOMES, type DecisionOutcome } from '#domain';
import type { ApplicationHandling } from './application.entity.js';

/* What intake learnt of a file's handling (from routing's and checks' events), as OpenAPI schemas. */

type Handling = Required<ApplicationHandling>;
type Team = Handling['team'];
type InfoRequest = Handling['infoRequest'];
type Decision = Handling['decision'];
type CarePlan = Handling['carePlan'];
type Check = Handling['check'];

export class PublicContactDoc {
  @ApiProperty() name: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() hours?: string;
}

export class HandlingTeamDoc implements Team {
  @ApiProperty({ example: 'CAS-CAEN' }) code: string;
  @ApiProperty({ type: PublicContactDoc }) contact: PublicContactDoc;
}

export class HandlingInfoRequestDoc implements InfoRequest {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() message: string;
  @ApiProperty({ format: 'date' }) answerBy: string;
}

export class HandlingDecisionDoc implements Decision {
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome: DecisionOutcome;
  @ApiProperty({ description: 'Une décision par silence (réputée accordée ou refusée)' }) tacit: boolean;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ description: 'Montant mensuel ou accordé, en centimes' }) amountCents?: number;
  @ApiProperty({ description: 'Voies et délais de recours' }) remedies: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiPropertyOptional() gir?: number;
  @ApiPropertyOptional() planCents?: number;
  @ApiPropertyOptional() participationCents?: number;
  @ApiPropertyOptional() provisionalParameters?: boolean;
}

export class HandlingCarePlanDoc implements CarePlan {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'date' }) evaluatedOn: string;
  @ApiProperty() gir: number;
  @ApiProperty() planCents: number;
  @ApiProperty() participationCents: number;
  @ApiProperty() apaCents: number;
  @ApiProperty({ format: 'date' }) answerBy: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() provisionalParameters?: boolean;
  @ApiProperty({ enum: ['proposed', 'accepted', 'changes_requested'] }) status:
    'proposed' | 'accepted' | 'changes_requested';
  @ApiPropertyOptional({ format: 'date-time' }) answeredAt?: string;
  @ApiPropertyOptional() requestedChanges?: string;
}

export class HandlingProposalDoc {
  @ApiProperty({ enum: ['compliant', 'corrected', 'overpayment', 'fraud_suspected'] }) outcome: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date' }) answerBy: string;
}

export class HandlingCheckDoc implements Check {
  @ApiProperty({ format: 'uuid' }) checkId: string;
  @ApiProperty({ enum: ['open', 'evidence_requested', 'contradictory', 'concluded'] }) status:
    'open' | 'evidence_requested' | 'contradictory' | 'concluded';
  @ApiPropertyOptional({ format: 'date' }) dueDate?: string;
  @ApiPropertyOptional() outcome?: string;
  @ApiPropertyOptional({ type: HandlingProposalDoc }) proposal?: HandlingProposalDoc;
  @ApiPropertyOptional({ format: 'date-time' }) answeredAt?: string;
}

export class HandlingDoc implements ApplicationHandling {
  @ApiPropertyOptional({
    type: HandlingTeamDoc,
    description: 'L’équipe qui suit le dossier et son contact public',
  })
  team?: HandlingTeamDoc;
  @ApiPropertyOptional({ description: 'Un agent a pris le dossier en charge' }) agentAssigned?: boolean;
  @ApiPropertyOptional({
    type: HandlingInfoRequestDoc,
    description: 'Les informations demandées, en attente',
  })
  infoRequest?: HandlingInfoRequestDoc;
  @ApiPropertyOptional({ type: HandlingDecisionDoc }) decision?: HandlingDecisionDoc;
  @ApiPropertyOptional({
    type: HandlingCarePlanDoc,
    description: 'APA : le plan d’aide proposé (CASF R232-7)',
  })
  carePlan?: HandlingCarePlanDoc;
  @ApiPropertyOptional({
    type: HandlingCheckDoc,
    description: 'Le contrôle a posteriori en cours, s’il y en a un',
  })
  check?: HandlingCheckDoc;
}
