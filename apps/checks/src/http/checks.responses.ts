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

export class EvidenceRequestedDoc {
  @ApiProperty({ type: [String] }) documents: string[];
  @ApiProperty() message: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class EvidenceReceivedDoc {
  @ApiProperty({ type: [String] }) documents: string[];
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
}

export class ProposalDoc {
  @ApiProperty({ enum: CHECK_OUTCOMES }) outcome: CheckOutcome;
  @ApiProperty() reason: string;
  @ApiProperty({ required: false }) overpaymentCents?: number;
  @ApiProperty({ format: 'date' }) answerBy: string;
  @ApiProperty({ description: 'La date des pièces est passée sans pièce reçue' }) evidenceMissing: boolean;
}

export class CitizenAnswerDoc {
  @ApiProperty() answer: string;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
}

export class RecoveryPlanDoc {
  @ApiProperty() overpaymentCents: number;
  @ApiProperty({ description: 'Rien au-dessous de 3 × le SMIC horaire brut' }) recoverableCents: number;
  @ApiProperty({ description: 'Au plus 20 % de chaque versement' }) maxDeductionPerPaymentCents: number;
  @ApiProperty({
    format: 'date',
    description: '2 ans après le versement ; 5 ans après la découverte en cas de fraude',
  })
  recoveryTimeBarredOn: string;
  @ApiProperty() explanation: string;
}

export class ConclusionDoc {
  @ApiProperty({ enum: CHECK_OUTCOMES }) outcome: CheckOutcome;
  @ApiProperty() reason: string;
  @ApiProperty({ required: false }) overpaymentCents?: number;
  @ApiProperty({ type: RecoveryPlanDoc, required: false }) recovery?: RecoveryPlanDoc;
  @ApiProperty({ description: 'Voies et délais de recours' }) remedies: string;
  @ApiProperty({ format: 'date' }) concludedOn: string;
}

/** A control case as `GET /api/checks/cases/{id}` gives it (the table's columns). */
export class CaseDetailDoc {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) application_id: string;
  @ApiProperty({ enum: ['sample', 'targeted'] }) origin: string;
  @ApiProperty({ description: 'Le motif d’un contrôle ciblé' }) reason: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ format: 'date-time' }) opened_at: string;
  @ApiProperty({ type: EvidenceRequestedDoc, nullable: true }) evidence_request: EvidenceRequestedDoc | null;
  @ApiProperty({ type: EvidenceReceivedDoc, nullable: true }) evidence: EvidenceReceivedDoc | null;
  @ApiProperty({ type: ProposalDoc, nullable: true }) proposal: ProposalDoc | null;
  @ApiProperty({ type: CitizenAnswerDoc, nullable: true }) answer: CitizenAnswerDoc | null;
  @ApiProperty({ type: ConclusionDoc, nullable: true }) conclusion: ConclusionDoc | null;
}

export class ProofPolicyDoc {
  @ApiProperty() procedure: string;
  @ApiProperty() version: number;
  @ApiProperty() baseRate: number;
  @ApiProperty({ type: [RiskRuleDoc] }) rules: RiskRuleDoc[];
  @ApiProperty() floor: number;
  @ApiProperty() ceiling: number;
}

/** The proof of a draw: anyone with the campaign key can draw again and find the same. */
export class SelectionProofDoc {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() procedure: string;
  @ApiProperty({ description: 'La campagne dont la clé signe les tirages' }) campaign: string;
  @ApiProperty({ type: ProofPolicyDoc }) policy: ProofPolicyDoc;
  @ApiProperty() policyVersion: number;
  @ApiProperty() probability: number;
  @ApiProperty({ description: 'HMAC-SHA256(clé de campagne, identifiant du dossier) ramené entre 0 et 1' })
  draw: number;
  @ApiProperty() selected: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Règles appliquées et leur poids',
  })
  factors: Record<string, number>;
  @ApiProperty() stratum: string;
  @ApiProperty({ description: 'Le tirage refait avec la version enregistrée donne le même résultat' })
  reproduced: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}
