import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '#domain';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { PoliciesService } from '../sampling/policies.service.js';
import { SelectionService } from '../sampling/selection.service.js';
import { ApplicationIdParam, PolicyRequest, ProcedureParam, TargetedCheckRequest } from './checks.dto.js';

/** What auditors (and admins, for the policies) do in checks. Nobody here sees personal data. */
@ApiTags('contrôles')
@Controller()
export class ChecksController {
  constructor(
    private readonly selection: SelectionService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
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
  @ApiErrors(400, 409)
  targeted(@CurrentPrincipal() principal: Principal, @Body() body: TargetedCheckRequest) {
    if (!body.reason.trim())
      throw new ValidationFailed([{ field: 'reason', reason: 'ne doit pas être vide' }]);
    return this.selection.openTargeted(principal.subject, body.applicationId, body.reason);
  }

  @Get('api/checks/audit/verify')
  @Roles('auditor', 'admin')
  @ApiOperation({
    operationId: 'verifyAuditLog',
    summary: 'Vérifie la chaîne du journal d’audit : intacte, ou la première entrée rompue',
  })
  verify() {
    return this.audit.verify();
  }
}
