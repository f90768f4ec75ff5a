import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ValidationFailed } from '#domain';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { PoliciesService } from '../sampling/policies.service.js';
import { SelectionService } from '../sampling/selection.service.js';
import { CasesService } from '../cases/cases.service.js';
import { StatisticsService } from '../cases/statistics.service.js';
import { CaseQueue } from '../cases/case-queue.service.js';
import {
  CaseDetailDoc,
  CaseQueuePageDoc,
  ChainVerdictDoc,
  PolicyVersionsDoc,
  SelectionProofDoc,
  StatisticsDoc,
} from './checks.responses.js';
import {
  ApplicationIdParam,
  CaseIdParam,
  CaseQueueQueryDto,
  ConclusionRequest,
  EvidenceRequest,
  PeriodQuery,
  PolicyRequest,
  ProcedureParam,
  ProposalRequest,
  TargetedCheckRequest,
} from './checks.dto.js';

/** What auditors (and admins, for the policies) do in checks. Nobody here sees personal data. */
@ApiTags('contrôles')
@Controller()
export class ChecksController {
  constructor(
    private readonly selection: SelectionService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
    private readonly stats: StatisticsService,
    private readonly queue: CaseQueue,
  ) {}

  @Get('api/sampling-policies/:procedure')
  @Roles('admin', 'auditor')
  @ApiOperation({
    operationId: 'getPolicy',
    summary: 'La politique d’échantillonnage en vigueur d’une démarche, et ses versions',
  })
  @ApiParam({ name: 'procedure', example: 'apa' })
  policy(@Param() params: ProcedureParam) {
    return this.policies.history(params.procedure);
  }

  @Get('api/sampling-policies/:procedure/versions')
  @Roles('admin', 'auditor')
  @ApiOperation({
    operationId: 'listPolicyVersions',
    summary: 'Toutes les versions enregistrées de la politique, de la plus récente à la plus ancienne',
    description: 'Aucune version : la liste est vide (le taux par défaut de la configuration s’applique).',
  })
  @ApiParam({ name: 'procedure', example: 'apa' })
  @ApiOkResponse({ type: PolicyVersionsDoc })
  @ApiErrors(400)
  async policyVersions(@Param() params: ProcedureParam): Promise<PolicyVersionsDoc> {
    return { items: await this.policies.versions(params.procedure) };
  }

  @Put('api/sampling-policies/:procedure')
  @Roles('admin')
  @ApiOperation({
    operationId: 'setPolicy',
    summary: 'Nouvelle version de la politique (taux aléatoire, règles de risque, plancher, plafond)',
    description: 'Les tirages passés gardent la version sous laquelle ils ont été faits.',
  })
  @ApiParam({ name: 'procedure', example: 'apa' })
  @ApiErrors(400)
  setPolicy(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProcedureParam,
    @Body() body: PolicyRequest,
  ) {
    return this.policies.addVersion(principal.subject, params.procedure, body);
  }

  @Get('api/checks/selection/:applicationId')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'selectionProof',
    summary:
      'La preuve du tirage d’un dossier, sélectionné ou non : politique, probabilité, tirage, facteurs, recalcul',
  })
  @ApiOkResponse({ type: SelectionProofDoc })
  @ApiParam({ name: 'applicationId', format: 'uuid' })
  @ApiErrors(404)
  proof(@Param() params: ApplicationIdParam) {
    return this.selection.proof(params.applicationId);
  }

  @Post('api/checks/cases')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'openTargetedCheck',
    summary: 'Ouvre un contrôle ciblé sur un dossier, avec son motif',
  })
  @ApiCreatedResponse({
    description: 'Le contrôle ouvert',
    schema: {
      type: 'object',
      required: ['checkId'],
      properties: { checkId: { type: 'string', format: 'uuid' } },
    },
  })
  @ApiErrors(400, 409)
  targeted(@CurrentPrincipal() principal: Principal, @Body() body: TargetedCheckRequest) {
    if (!body.reason.trim())
      throw new ValidationFailed([{ field: 'reason', reason: 'ne doit pas être vide' }]);
    return this.selection.openTargeted(principal.subject, body.applicationId, body.reason);
  }

  @Get('api/checks/cases')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'listCases',
    summary:
      'Les contrôles à traiter : ouverts d’abord, la date attendue la plus proche en tête (filtres : état, démarche, dossier)',
  })
  @ApiOkResponse({ type: CaseQueuePageDoc })
  @ApiErrors(400)
  listCases(@Query() query: CaseQueueQueryDto) {
    return this.queue.list(query);
  }

  @Get('api/checks/cases/:id')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'getCase',
    summary: 'Un contrôle : son état, les pièces, la proposition, la réponse, la conclusion',
  })
  @ApiOkResponse({ type: CaseDetailDoc })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiErrors(404)
  getCase(@Param() params: CaseIdParam) {
    return this.cases.get(params.id);
  }

  @Post('api/checks/cases/:id/evidence-request')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'requestEvidence',
    summary: 'Demande les pièces à l’usager, avec une date limite',
  })
  @ApiCreatedResponse({ type: CaseDetailDoc })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiErrors(404, 409)
  requestEvidence(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseIdParam,
    @Body() body: EvidenceRequest,
  ) {
    return this.cases.requestEvidence(
      principal.subject,
      params.id,
      body.documents,
      body.message,
      body.dueDate,
    );
  }

  @Post('api/checks/cases/:id/proposal')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'proposeConclusion',
    summary: 'Phase contradictoire : propose une conclusion motivée, à laquelle l’usager peut répondre',
  })
  @ApiCreatedResponse({ type: CaseDetailDoc })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiErrors(404, 409)
  propose(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseIdParam,
    @Body() body: ProposalRequest,
  ) {
    return this.cases.propose(principal.subject, params.id, body.outcome, body.reason, body.overpaymentCents);
  }

  @Post('api/checks/cases/:id/conclusion')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'conclude',
    summary:
      'Conclut : conforme, corrigé (droit à l’erreur), indu (plan de récupération) ou fraude suspectée ; voies de recours',
  })
  @ApiCreatedResponse({ type: CaseDetailDoc })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiErrors(404, 409)
  conclude(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseIdParam,
    @Body() body: ConclusionRequest,
  ) {
    return this.cases.conclude(principal.subject, params.id, body);
  }

  @Post('api/checks/cases/:id/conclusion-preview')
  @HttpCode(200)
  @Roles('auditor')
  @ApiOperation({
    operationId: 'previewConclusion',
    summary:
      'Ce que la conclusion enregistrerait (plan de récupération, voies de recours), sans rien enregistrer ni publier',
  })
  @ApiOkResponse({ type: CaseDetailDoc })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiErrors(404, 409)
  previewConclusion(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseIdParam,
    @Body() body: ConclusionRequest,
  ) {
    return this.cases.previewConclusion(principal.subject, params.id, body);
  }

  @Get('api/checks/statistics')
  @Roles('auditor', 'admin')
  @ApiOperation({
    operationId: 'statistics',
    summary:
      'Taux de sélection par démarche et par strate de risque, taux de constats, montants à récupérer, sur une période',
  })
  @ApiOkResponse({ type: StatisticsDoc })
  @ApiErrors(400)
  statistics(@Query() query: PeriodQuery) {
    return this.stats.statistics(query);
  }

  @Get('api/checks/cases.csv')
  @Roles('auditor', 'admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({
    operationId: 'exportCases',
    summary: 'Exporte les contrôles ouverts sur une période (CSV)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400)
  exportCases(@Query() query: PeriodQuery) {
    return this.stats.casesCsv(query);
  }

  @Get('api/checks/audit/verify')
  @Roles('auditor', 'admin')
  @ApiOperation({
    operationId: 'verifyAuditLog',
    summary: 'Vérifie la chaîne du journal d’audit : intacte, ou la première entrée rompue',
  })
  @ApiOkResponse({ type: ChainVerdictDoc })
  verify() {
    return this.audit.verify();
  }
}
