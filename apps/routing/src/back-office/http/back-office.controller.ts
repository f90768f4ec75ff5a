import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '#platform';
import { AssignmentService } from '../assignment/assignment.service.js';
import { CarePlansService } from '../care-plans/care-plans.service.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { InboxService } from '../inbox/inbox.service.js';
import { InfoRequestsService } from '../info-requests/info-requests.service.js';
import {
  AssignRequest,
  CarePlanRequest,
  DecideRequest,
  EvaluationRequest,
  FileIdParam,
  InboxQuery,
  RequestInfoRequest,
} from './back-office.dto.js';
import { AssigneeSuggestionDoc, FileDetailDoc, InboxPageDoc, TeamsLoadDoc } from './back-office.responses.js';

const ID = { name: 'id', description: 'Identifiant du dossier (celui de la demande)', format: 'uuid' };
const R400 = { status: 400, description: 'Requête invalide (champs en erreur détaillés)' };
const R401 = { status: 401, description: 'Jeton absent ou invalide' };
const R403 = { status: 403, description: 'Rôle non autorisé, ou dossier d’une autre équipe' };
const R404 = { status: 404, description: 'Dossier inconnu' };
const R409 = {
  status: 409,
  description: 'L’état du dossier ne permet pas cette action (ou un autre agent vient d’agir)',
};
const R422 = { status: 422, description: 'Une règle de la démarche refuse l’action' };

/** The back office: the inbox of the caller's teams and what agents and supervisors do on a file. */
@ApiTags('back-office')
@ApiBearerAuth()
@ApiResponse(R401)
@ApiResponse(R403)
@Controller('api/back-office/applications')
@Roles('agent', 'supervisor')
export class BackOfficeController {
  constructor(
    private readonly inbox: InboxService,
    private readonly assignment: AssignmentService,
    private readonly infoRequests: InfoRequestsService,
    private readonly carePlans: CarePlansService,
    private readonly decisions: DecisionsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Bannette des équipes de l’agent : échéance la plus proche d’abord, jours restants',
  })
  @ApiOkResponse({ type: InboxPageDoc })
  @ApiResponse(R400)
  list(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery) {
    return this.inbox.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Un dossier, son délai, son plan d’aide, sa décision et son historique' })
  @ApiOkResponse({ type: FileDetailDoc })
  @ApiParam(ID)
  @ApiResponse(R404)
  get(@CurrentPrincipal() principal: Principal, @Param() params: FileIdParam) {
    return this.inbox.get(principal, params.id);
  }

  @Get(':id/assignee-suggestion')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Agents de l’équipe et leur charge : l’agent le moins chargé est suggéré' })
  @ApiOkResponse({ type: AssigneeSuggestionDoc })
  @ApiParam(ID)
  @ApiResponse(R404)
  suggestion(@CurrentPrincipal() principal: Principal, @Param() params: FileIdParam) {
    return this.assignment.suggestion(principal, params.id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: 'Prendre le dossier en charge' })
  @ApiOkResponse({ type: FileDetailDoc })
  @ApiParam(ID)
  @ApiResponse(R404)
  @ApiResponse(R409)
  claim(@CurrentPrincipal() principal: Principal, @Param() params: FileIdParam) {
    return this.assignment.claim(principal, params.id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rendre le dossier à la bannette de l’équipe (l’agent qui le tient, ou un responsable)',
  })
  @ApiOkResponse({ type: FileDetailDoc })
  @ApiParam(ID)
  @ApiResponse(R404)
  @ApiResponse(R409)
  release(@CurrentPrincipal() principal: Principal, @Param() params: FileIdParam) {
    return this.assignment.release(principal, params.id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Attribuer (ou réattribuer) le dossier à un agent de l’équipe' })
  @ApiOkResponse({ type: FileDetailDoc })
  @ApiParam(ID)
  @ApiResponse(R400)
  @ApiResponse(R404)
  @ApiResponse(R409)
  @ApiResponse(R422)
  assign(
    @CurrentPrincipal() principal: Principal,
    @Param() params: FileIdParam,
    @Body() body: AssignRequest,
  ) {
    return this.assignment.assign(principal, params.id, body.agentId);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demander des informations au demandeur (effet sur le délai selon la démarche)' })
  @ApiOkResponse({ type: FileDetailDoc })
  @ApiParam(ID)
  @ApiResponse(R400)
  @ApiResponse(R404)
  @ApiResponse(R409)
  requestInfo(
    @CurrentPrincipal() principal: Principal,
    @Param() params: FileIdParam,
    @Body() body: RequestInfoRequest,
  ) {
    return this.infoRequests.requestInfo(principal, params.id, body);
  }

  @Post(':id/evaluation')
  @HttpCode(200)
  @ApiOperation({ summary: 'APA : enregistrer l’évaluation à domicile (GIR de la grille AGGIR)' })
  @ApiOkResponse({ type: FileDetailDoc })
  @ApiParam(ID)
  @ApiResponse(R400)
  @ApiResponse(R404)
  @ApiResponse(R409)
  @ApiResponse(R422)
  evaluate(
    @CurrentPrincipal() principal: Principal,
    @Param() params: FileIdParam,
    @Body() body: EvaluationRequest,
  ) {
    return this.carePlans.evaluate(principal, params.id, body);
  }

  @Post(':id/care-plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'APA : proposer le plan d’aide au bénéficiaire (réponse sous 10 jours)' })
  @ApiOkResponse({ type: FileDetailDoc })
  @ApiParam(ID)
  @ApiResponse(R400)
  @ApiResponse(R404)
  @ApiResponse(R409)
  @ApiResponse(R422)
  proposeCarePlan(
    @CurrentPrincipal() principal: Principal,
    @Param() params: FileIdParam,
    @Body() body: CarePlanRequest,
  ) {
    return this.carePlans.propose(principal, params.id, body);
  }

  @Post(':id/care-plan-preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'APA : ce que le plan d’aide donnerait (participation, APA), sans rien enregistrer',
  })
  @ApiOkResponse({ type: FileDetailDoc, description: 'Le dossier tel qu’il serait après la proposition' })
  @ApiParam(ID)
  @ApiResponse(R400)
  @ApiResponse(R404)
  @ApiResponse(R409)
  @ApiResponse(R422)
  previewCarePlan(
    @CurrentPrincipal() principal: Principal,
    @Param() params: FileIdParam,
    @Body() body: CarePlanRequest,
  ) {
    return this.carePlans.preview(principal, params.id, body);
  }

  @Post(':id/decision-preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'La décision telle qu’elle serait notifiée (motifs, montant, voies de recours), sans rien enregistrer',
  })
  @ApiOkResponse({ type: FileDetailDoc, description: 'Le dossier tel qu’il serait après la décision' })
  @ApiParam(ID)
  @ApiResponse(R400)
  @ApiResponse(R404)
  @ApiResponse(R409)
  @ApiResponse(R422)
  previewDecision(
    @CurrentPrincipal() principal: Principal,
    @Param() params: FileIdParam,
    @Body() body: DecideRequest,
  ) {
    return this.decisions.preview(principal, params.id, body);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Décider : accordée, refusée (motif obligatoire) ou classée sans suite, avec les voies de recours',
  })
  @ApiOkResponse({ type: FileDetailDoc })
  @ApiParam(ID)
  @ApiResponse(R400)
  @ApiResponse(R404)
  @ApiResponse(R409)
  @ApiResponse(R422)
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param() params: FileIdParam,
    @Body() body: DecideRequest,
  ) {
    return this.decisions.decide(principal, params.id, body);
  }
}

/** A supervisor's view of who is overloaded: the open files of each agent of their teams. */
@ApiTags('back-office')
@ApiBearerAuth()
@ApiResponse(R401)
@ApiResponse(R403)
@Controller('api/back-office/teams-load')
@Roles('supervisor')
export class TeamsLoadController {
  constructor(private readonly assignment: AssignmentService) {}

  @Get()
  @ApiOperation({
    summary: 'Charge de chaque agent de mes équipes (dossiers en cours), le moins chargé d’abord',
  })
  @ApiOkResponse({ type: TeamsLoadDoc })
  load(@CurrentPrincipal() principal: Principal) {
    return this.assignment.teamsLoad(principal);
  }
}
