import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '#platform';
import { ApplicationIdParam } from '../applications/applications.dto.js';
import { ApiErrors } from '#platform';
import { AccessLogQuery, ContentQuery } from './staff-access.dto.js';
import { FileContentDoc } from './staff-access.responses.js';
import { StaffAccessService } from './staff-access.service.js';

const ID = { name: 'id', format: 'uuid', description: 'Identifiant de la demande' };

/** Staff read a file's content (each read logged); the citizen sees the reads of their file. */
@ApiTags('accès aux dossiers')
@ApiBearerAuth()
@Controller('api/applications')
export class StaffAccessController {
  constructor(private readonly access: StaffAccessService) {}

  @Get(':id/content')
  @Roles('agent', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'Le contenu complet du dossier, pour l’équipe qui le suit (chaque lecture est journalisée)',
    description:
      'Réservé aux agents et responsables de l’équipe à laquelle le dossier a été orienté (et aux contrôleurs). ' +
      'Le motif (purpose) est obligatoire ; la lecture est inscrite au journal des accès, visible par l’usager.',
  })
  @ApiParam(ID)
  @ApiOkResponse({
    type: FileContentDoc,
    description: 'Le formulaire complet, le statut, l’équipe, et cette lecture telle que journalisée',
  })
  @ApiErrors(400, 401, 403, 404)
  content(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @Query() query: ContentQuery,
  ) {
    return this.access.readContent(principal, params.id, query.purpose);
  }

  @Get(':id/accesses')
  @Roles('citizen')
  @ApiOperation({
    summary:
      'Qui a consulté mon dossier : quelle équipe, quel rôle, quand, pour quoi (jamais le nom de l’agent)',
  })
  @ApiParam(ID)
  @ApiOkResponse({ description: 'Les lectures du dossier, de la plus récente à la plus ancienne, en clair' })
  @ApiErrors(400, 401, 403, 404)
  accesses(@CurrentPrincipal() principal: Principal, @Param() params: ApplicationIdParam) {
    return this.access.accessesOf(principal, params.id);
  }
}

/** The access log of staff reads, for an admin. */
@ApiTags('accès aux dossiers')
@ApiBearerAuth()
@Controller('api/access-log')
@Roles('admin')
export class AccessLogController {
  constructor(private readonly access: StaffAccessService) {}

  @Get()
  @ApiOperation({
    summary:
      'Journal des lectures de dossiers par le personnel (filtres : dossier, personne, période), paginé',
  })
  @ApiOkResponse({
    description: '{ items, page, pageSize, total } : les lectures, de la plus récente à la plus ancienne',
  })
  @ApiErrors(400, 401, 403)
  list(@Query() query: AccessLogQuery) {
    return this.access.log(query);
  }
}
