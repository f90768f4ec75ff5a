import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Public } from '#platform';
import { ContactsService } from '../contacts.service.js';
import { ContactsQuery } from './directory.dto.js';

/** "Find my contact": public, the hottest endpoint of routing, answered from memory. */
@ApiTags('contacts')
@Controller('api/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get('topics')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ operationId: 'listContactTopics', summary: 'Les thèmes sur lesquels trouver son contact' })
  @ApiOkResponse({
    description: 'Codes et libellés des thèmes',
    schema: {
      type: 'object',
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'label'],
            properties: { code: { type: 'string', example: 'autonomie' }, label: { type: 'string' } },
          },
        },
      },
    },
  })
  topics() {
    return this.contacts.topics();
  }

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({
    operationId: 'findContact',
    summary: 'Trouver mon contact : l’équipe d’une commune pour un thème, et pourquoi elle',
    description:
      'Par code INSEE (`commune`), code postal (`postalCode`) ou nom (`communeName`). Un code postal qui couvre plusieurs communes, ou un nom porté par plusieurs, renvoie `{ choices: [...] }` : redemandez avec `commune=`.',
  })
  @ApiOkResponse({
    description: 'Le contact et la règle appliquée, ou la liste des communes du code postal',
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['commune', 'topic', 'team', 'contact', 'reason', 'ruleId', 'defaultTeam'],
          properties: {
            commune: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
            topic: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } },
            team: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
            contact: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                address: { type: 'string' },
                phone: { type: 'string' },
                email: { type: 'string' },
                hours: { type: 'string' },
              },
            },
            reason: {
              type: 'string',
              example:
                'règle « Autonomie des personnes âgées (APA) » pour l’intercommunalité CC de Bayeux Intercom',
            },
            ruleId: { type: 'string', nullable: true },
            defaultTeam: { type: 'boolean' },
          },
        },
        {
          type: 'object',
          required: ['choices'],
          properties: {
            choices: {
              type: 'array',
              items: {
                type: 'object',
                required: ['code', 'name', 'departement'],
                properties: {
                  code: { type: 'string' },
                  name: { type: 'string' },
                  departement: { type: 'string' },
                },
              },
            },
          },
        },
      ],
    },
  })
  @ApiErrors(400)
  find(@Query() query: ContactsQuery) {
    return this.contacts.find(query);
  }
}
