import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ValidationFailed } from '#domain';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '#platform';
import {
  ApplicationIdParam,
  ComplementRequest,
  CreateApplicationRequest,
  IDEMPOTENCY_KEY_FORMAT,
  SaveDraftRequest,
  SubmitRequest,
  WithdrawRequest,
} from './applications.dto.js';
import { ApplicationListDoc, ApplicationViewDoc, ReceiptDoc, TimelineDoc } from './applications.responses.js';
import { ApplicationsService } from './applications.service.js';

/** The citizen's files. A citizen only ever sees their own (someone else's file answers 404). */
@ApiTags('demandes')
@ApiBearerAuth()
@Controller('api/applications')
@Roles('citizen')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @ApiOperation({ summary: 'Crée un brouillon de demande' })
  @ApiCreatedResponse({ type: ApplicationViewDoc })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApplicationRequest) {
    return this.applications.createDraft(principal, body);
  }

  @Get()
  @ApiOperation({ summary: 'Mes demandes' })
  @ApiOkResponse({ type: ApplicationListDoc })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.applications.list(principal) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une demande, son état et son délai' })
  @ApiOkResponse({ type: ApplicationViewDoc })
  @ApiErrors(404)
  get(@CurrentPrincipal() principal: Principal, @Param() params: ApplicationIdParam) {
    return this.applications.get(principal, params.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Enregistre un brouillon (même incomplet)' })
  @ApiOkResponse({ type: ApplicationViewDoc })
  @ApiErrors(404, 409)
  save(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @Body() body: SaveDraftRequest,
  ) {
    return this.applications.saveDraft(principal, params.id, body.data);
  }

  @Post(':id/submit')
  @HttpCode(201)
  @ApiOperation({ summary: 'Dépose la demande sur l’honneur : accusé de réception et délai légal' })
  @ApiCreatedResponse({ type: ReceiptDoc })
  @ApiErrors(404, 409, 422)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Rejouer la même clé renvoie la première réponse',
  })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @Body() body: SubmitRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_FORMAT.test(idempotencyKey)) {
      throw new ValidationFailed([
        {
          field: 'Idempotency-Key',
          reason: 'doit contenir de 8 à 128 caractères parmi lettres, chiffres et . _ : -',
        },
      ]);
    }
    const { receipt, replayed } = await this.applications.submit(principal, params.id, body, idempotencyKey);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return receipt;
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire la demande' })
  @ApiOkResponse({ type: ApplicationViewDoc })
  @ApiErrors(404, 409)
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @Body() body: WithdrawRequest,
  ) {
    return this.applications.withdraw(principal, params.id, body);
  }

  @Post(':id/complements')
  @HttpCode(200)
  @ApiOperation({ summary: 'Répond à une demande d’informations complémentaires' })
  @ApiOkResponse({ type: ApplicationViewDoc })
  @ApiErrors(404, 409)
  complement(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApplicationIdParam,
    @Body() body: ComplementRequest,
  ) {
    return this.applications.complement(principal, params.id, body);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'L’historique du dossier, en clair' })
  @ApiOkResponse({ type: TimelineDoc })
  @ApiErrors(404)
  async timeline(@CurrentPrincipal() principal: Principal, @Param() params: ApplicationIdParam) {
    return { items: await this.applications.timeline(principal, params.id) };
  }
}
