import { ApiProperty } from '@nestjs/swagger';
import { CHECK_OUTCOMES, type CheckOutcome } from '#domain';
import { CASE_STATUSES, type CaseStatus } from '../cases/case.lifecycle.js';
import type { CaseQueuePage, CaseSummary } from '../cases/case-queue.service.js';
import type { PolicyVersion } from '../sampling/policies.repository.js';
import { RISK_OPERATORS, type RiskOperator, type RiskRule } from '../sampling/sampling.rules.js';

/* The answers of the checks API as OpenAPI schemas; each class implements the view the code returns. */

export class CaseSummaryDoc implements CaseSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true, example: 'apa' }) procedure: string | null;
  @ApiProperty({ enum: ['sample', 'targeted'] }) origin: 'sample' | 'targeted';
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'La date attendue maintenant : celle des pièces, ou celle de la réponse (phase contradictoire)',
  })
  waitingUntil: string | null;
  @ApiProperty({ enum: CHECK_OUTCOMES, nullable: true }) outcome: CheckOutcome | null;
}

export class CaseQueuePageDoc implements CaseQueuePage {
  @ApiProperty({ type: [CaseSummaryDoc] }) items: CaseSummaryDoc[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class IntervalDoc {
  @ApiProperty() low: number;
  @ApiProperty() high: number;
}

export class ProcedureSelectionDoc {
  @ApiProperty({ example: 'apa' }) procedure: string;
  @ApiProperty({ description: 'Dossiers accordés soumis au tirage' }) drawn: number;
  @ApiProperty() selected: number;
  @ApiProperty({ description: 'Taux de sélection observé' }) rate: number;
  @ApiProperty({ description: 'Probabilité donnée par la politique (moyenne des probabilités enregistrées)' })
  expectedRate: number;
  @ApiProperty({
    type: IntervalDoc,
    description: 'Intervalle binomial à 99 % autour de la probabilité attendue',
  })
  interval99: IntervalDoc;
  @ApiProperty() withinInterval: boolean;
}

export class StratumSelectionDoc extends ProcedureSelectionDoc {
  @ApiProperty({ example: 'aléatoire' }) stratum: string;
}

export class CaseOutcomesDoc {
  @ApiProperty() opened: number;
  @ApiProperty() concluded: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { compliant: 3, overpayment: 1 },
  })
  byOutcome: Record<string, number>;
  @ApiProperty({ description: 'Part des contrôles conclus avec une anomalie' }) findingsRate: number;
  @ApiProperty({ description: 'Montants à récupérer, en centimes' }) recoverableCents: number;
}

export class PeriodDoc {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
}

export class StatisticsDoc {
  @ApiProperty({ type: PeriodDoc }) period: PeriodDoc;
  @ApiProperty({ type: [ProcedureSelectionDoc] }) selectionByProcedure: ProcedureSelectionDoc[];
  @ApiProperty({ type: [StratumSelectionDoc] }) selectionByStratum: StratumSelectionDoc[];
  @ApiProperty({ type: CaseOutcomesDoc }) cases: CaseOutcomesDoc;
}

export class ChainVerdictDoc {
  @ApiProperty() intact: boolean;
  @ApiProperty() entries: number;
  @ApiProperty({
    required: false,
    description: 'La première entrée dont le lien ou l’empreinte ne tient pas',
  })
  firstBroken?: number;
  @ApiProperty({ required: false }) reason?: string;
}

export class RiskRuleDoc implements RiskRule {
  @ApiProperty({ example: 'resources-near-threshold' }) id: string;
  @ApiProperty({ example: 'Ressources juste sous un seuil' }) label: string;
  @ApiProperty({ example: 'monthlyResourcesCents' }) field: string;
  @ApiProperty({ enum: RISK_OPERATORS }) operator: RiskOperator;
  @ApiProperty({
    oneOf: [
      { type: 'number' },
      { type: 'string' },
      { type: 'boolean' },
      { type: 'array', items: { type: 'number' } },
    ],
    example: [90000, 100000],
  })
  value: string | number | boolean | [number, number];
  @ApiProperty({ example: 0.15, description: 'Ajouté au taux aléatoire quand la règle s’applique' })
  weight: number;
}

export class PolicyVersionDoc implements PolicyVersion {
  @ApiProperty({ example: 'apa' }) procedure: string;
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ example: 0.05 }) baseRate: number;
  @ApiProperty({ type: [RiskRuleDoc] }) rules: RiskRuleDoc[];
  @ApiProperty({ example: 0.02 }) floor: number;
  @ApiProperty({ example: 0.6 }) ceiling: number;
  @ApiProperty({ description: 'Identifiant (sub) de l’administrateur qui l’a enregistrée' })
  createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PolicyVersionsDoc {
  @ApiProperty({ type: [PolicyVersionDoc], description: 'De la plus récente à la plus ancienne' })
  items: PolicyVersionDoc[];
}
