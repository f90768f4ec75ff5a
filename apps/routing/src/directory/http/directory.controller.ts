import { Body, Controller, Get, Header, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ValidationFailed } from '#domain';
import { ApiErrors, Roles } from '#platform';
import { DirectoryService } from '../directory.service.js';
import { RULE_COLUMNS } from '../directory-csv.js';
import { AgentRequest, AgentSubjectParam, TeamCodeParam, TeamRequest } from './directory.dto.js';

/** The directory's administration: teams, agents, and the routing rules as a CSV file (all or nothing). */
@ApiTags('directory')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('api/directory')
@Roles('admin')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('teams')
  @ApiOperation({
    operationId: 'listTeams',
    summary: 'Les équipes, leur contact public, l’équipe par défaut',
  })
  async teams() {
    const snapshot = await this.directory.snapshot();
    return { teams: snapshot.teams, agents: snapshot.agents };
  }

  @Put('teams/:code')
  @ApiOperation({
    operationId: 'saveTeam',
    summary: 'Crée ou modifie une équipe (publie guichet.directory.team-updated)',
  })
  @ApiParam({ name: 'code', description: 'Code de l’équipe (A-Z, 0-9, -)', example: 'CAS-BESSIN' })
  @ApiErrors(400)
  saveTeam(@Param() params: TeamCodeParam, @Body() body: TeamRequest) {
    return this.directory.saveTeam({
      code: params.code,
      ...body,
      isDefault: body.isDefault ?? false,
      demo: false,
    });
  }

  @Put('agents/:subject')
  @ApiOperation({
    operationId: 'saveAgent',
    summary: 'Crée ou modifie un agent et ses équipes (publie guichet.directory.agent-updated)',
  })
  @ApiParam({ name: 'subject', description: 'Identifiant de connexion de l’agent (le `sub` de son jeton)' })
  @ApiErrors(400)
  saveAgent(@Param() params: AgentSubjectParam, @Body() body: AgentRequest) {
    return this.directory.saveAgent({ subject: params.subject, ...body });
  }

  @Get('rules.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ operationId: 'exportRules', summary: 'Exporte les règles d’orientation (CSV)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: `Colonnes : ${RULE_COLUMNS.join(',')}`, schema: { type: 'string' } })
  exportRules() {
    return this.directory.exportRules();
  }

  @Put('rules.csv')
  @ApiOperation({
    operationId: 'importRules',
    summary: 'Remplace toutes les règles par celles du fichier, tout ou rien',
    description: `En-tête ${RULE_COLUMNS.join(',')} ; zone = commune, epci ou departement. Une ligne fautive : 400 avec son numéro, rien n’est changé.`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'sujet,zone,code_zone,equipe\nautonomie,epci,241400555,CAS-BESSIN\n' },
  })
  @ApiOkResponse({
    description: 'Nombre de règles en vigueur',
    schema: { type: 'object', properties: { rules: { type: 'integer' } } },
  })
  @ApiErrors(400)
  importRules(@Body() body: unknown) {
    if (typeof body !== 'string' || body.trim() === '')
      throw new ValidationFailed([
        { field: 'body', reason: 'envoyez le fichier CSV avec Content-Type: text/csv' },
      ]);
    return this.directory.importRules(body);
  }
}
