import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FileDetail, FileSummary } from '../files/file.view.js';

/* The back office's answers as OpenAPI schemas (the web pages' typed client is generated from them). */

export class InfoRequestDoc {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() message: string;
  @ApiProperty({ example: '2026-12-17' }) answerBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty() by: string;
}

export class HomeEvaluationDoc {
  @ApiProperty({ example: '2026-12-02' }) evaluatedOn: string;
  @ApiProperty({ enum: [1, 2, 3, 4, 5, 6] }) gir: number;
  @ApiProperty() by: string;
}

export class CarePlanDoc {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() gir: number;
  @ApiProperty({ description: 'Plan mensuel, en centimes' }) planCents: number;
  @ApiProperty({ description: 'Participation du bénéficiaire (CASF R232-11), en centimes' })
  participationCents: number;
  @ApiProperty({ description: 'APA versée par mois, en centimes' }) apaCents: number;
  @ApiPropertyOptional() description?: string;
  @ApiProperty() proposedOn: string;
  @ApiProperty() answerBy: string;
  @ApiProperty({ enum: ['proposed', 'accepted', 'changes_requested', 'refused_by_silence'] }) status: string;
  @ApiProperty() provisionalParameters: boolean;
  @ApiPropertyOptional() answeredAt?: string;
  @ApiPropertyOptional() comment?: string;
}

export class DecisionDoc {
  @ApiProperty({ enum: ['granted', 'rejected', 'closed', 'deemed_granted', 'deemed_rejected'] })
  outcome: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'Voies et délais de recours, en clair' }) remedies: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'null pour une décision implicite' }) by:
    string | null;
  @ApiPropertyOptional() amountCents?: number;
  @ApiPropertyOptional() gir?: number;
  @ApiPropertyOptional() planCents?: number;
  @ApiPropertyOptional() participationCents?: number;
  @ApiPropertyOptional() provisionalParameters?: boolean;
}

export class FileSummaryDoc implements Omit<FileSummary, 'status' | 'silenceMeans' | 'carePlanStatus'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'APA-2026-000123' }) receiptNumber: string;
  @ApiProperty({ example: 'apa' }) procedure: string;
  @ApiProperty({ example: '14118' }) communeInsee: string;
  @ApiProperty({ example: 'CAS-CAEN' }) teamCode: string;
  @ApiProperty({ description: 'Aucune règle : équipe par défaut, à regarder' }) flagged: boolean;
  @ApiProperty() status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: 'string', nullable: true }) assignee: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: 'string', nullable: true }) decisionDeadline: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Jours restants (négatif : dépassé) ; null délai arrêté',
  })
  daysLeft: number | null;
  @ApiProperty({ type: 'string', nullable: true }) clockSuspendedOn: string | null;
  @ApiProperty({ enum: ['granted', 'rejected'] }) silenceMeans: string;
  @ApiProperty({ type: 'string', nullable: true }) carePlanStatus: string | null;
}

export class InboxPageDoc {
  @ApiProperty({ type: [FileSummaryDoc] }) items: FileSummaryDoc[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ example: '2026-12-02', description: 'La date du jour à Paris, base des jours restants' })
  today: string;
}

export class FileHistoryEntryDoc {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: 'string', nullable: true }) actor: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) details: Record<
    string,
    unknown
  > | null;
}

export class FileDetailDoc
  extends FileSummaryDoc
  implements
    Omit<
      FileDetail,
      'status' | 'silenceMeans' | 'carePlanStatus' | 'facts' | 'history' | 'decision' | 'carePlan'
    >
{
  @ApiProperty({ description: 'Pourquoi cette équipe (la règle appliquée), en clair' }) routingReason: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Les faits transmis par intake' })
  facts: Record<string, unknown>;
  @ApiProperty() completeOn: string;
  @ApiProperty({ type: InfoRequestDoc, nullable: true }) infoRequest: InfoRequestDoc | null;
  @ApiProperty({ type: HomeEvaluationDoc, nullable: true }) evaluation: HomeEvaluationDoc | null;
  @ApiProperty({ type: CarePlanDoc, nullable: true }) carePlan: CarePlanDoc | null;
  @ApiProperty({ type: 'string', nullable: true }) carePlanDueOn: string | null;
  @ApiProperty({ type: DecisionDoc, nullable: true }) decision: DecisionDoc | null;
  @ApiProperty({ type: [FileHistoryEntryDoc] }) history: FileHistoryEntryDoc[];
}

export class AgentLoadDoc {
  @ApiProperty() subject: string;
  @ApiProperty() displayName: string;
  @ApiProperty() openFiles: number;
}

export class AssigneeSuggestionDoc {
  @ApiProperty() teamCode: string;
  @ApiProperty({ type: AgentLoadDoc, nullable: true }) suggested: AgentLoadDoc | null;
  @ApiProperty({ type: [AgentLoadDoc] }) agents: AgentLoadDoc[];
}

export class TeamLoadDoc {
  @ApiProperty({ example: 'CAS-CAEN' }) teamCode: string;
  @ApiProperty({ type: [AgentLoadDoc], description: 'Les agents de l’équipe, le moins chargé d’abord' })
  agents: AgentLoadDoc[];
}

export class TeamsLoadDoc {
  @ApiProperty({ type: [TeamLoadDoc] }) items: TeamLoadDoc[];
}
