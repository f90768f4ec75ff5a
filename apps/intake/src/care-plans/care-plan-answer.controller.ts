import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '#platform';
import { ApplicationIdParam } from '../applications/applications.dto.js';
import { ApiErrors } from '#platform';
import { CarePlanAnswerRequest } from './care-plan-answer.dto.js';
import { CarePlanAnswerService } from './care-plan-answer.service.js';

/** APA (CASF R232-7): the beneficiary accepts the proposed care plan or asks for changes, within 10 days. */
@ApiTags('demandes')
@ApiBearerAuth()
@Controller('api/applications')
@Roles('citizen')
export class CarePlanAnswerController {
  constructor(private readonly carePlans: CarePlanAnswerService) {}

  @Post(':id/care-plan/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Répond au plan d’aide proposé (APA) : accepter, ou demander des modifications, sous 10 jours',
    description:
      'Publie application.care-plan-answered. 409 si aucun plan n’est proposé, s’il a déjà reçu une réponse, si le ' +
      'dossier est clos ou si les 10 jours sont passés (CASF R232-7 : sans réponse, le plan est refusé).',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Identifiant de la demande' })
  @ApiOkResponse({ description: 'La demande, avec le plan d’aide et la réponse enregistrée' })
  @ApiErrors(400, 401, 403, 404, 409)
  answer(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @Body() body: CarePlanAnswerRequest,
  ) {
    return this.carePlans.answer(principal, params.id, body);
  }
}
