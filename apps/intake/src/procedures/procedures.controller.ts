import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import type { Request, Response } from 'express';
import {
  type ApaEstimate,
  estimateApa,
  estimateForUnknownGir,
  parisDate,
  provisionalParametersWarning,
} from '#domain';
import { ApiErrors, Public } from '#platform';
import { ApaEstimateRequest } from './apa-estimate.dto.js';
import {
  ApaEstimateAnswerDoc,
  ProcedureCatalogueDoc,
  ProcedureDescriptionDoc,
} from './procedures.responses.js';
import { ProcedureCatalogue } from './procedure-catalogue.js';

class ProcedureCodeParam {
  @IsString()
  code: string;
}

const ESTIMATE_NOTICE =
  'Estimation indicative selon le barème national (CASF R232-10 et R232-11) : le montant réel dépend du plan d’aide ' +
  'établi après l’évaluation à domicile par l’équipe médico-sociale.';

interface ApaEstimateAnswer {
  estimates: readonly ApaEstimate[];
  notice: string;
  /** True when the date falls after the last known revaluation of the parameters (each estimate says so too). */
  provisional: boolean;
  /** French warning shown with provisional amounts. */
  warning?: string;
}

/** The procedures on offer, described for a front end to build its forms; the APA estimate. Open to anyone. */
@ApiTags('démarches')
@Controller('api/procedures')
@Public()
export class ProceduresController {
  constructor(private readonly catalogue: ProcedureCatalogue) {}

  @Get()
  @ApiOperation({ summary: 'Les démarches proposées : champs, règles, délai' })
  @ApiOkResponse({
    type: ProcedureCatalogueDoc,
    description: 'Avec ETag et Cache-Control (304 sur If-None-Match)',
  })
  list(@Req() request: Request, @Res() response: Response): void {
    this.catalogue.listing.send(request, response);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Une démarche' })
  @ApiOkResponse({ type: ProcedureDescriptionDoc })
  @ApiErrors(404)
  get(@Param() params: ProcedureCodeParam, @Req() request: Request, @Res() response: Response): void {
    this.catalogue.description(params.code).send(request, response);
  }

  @Post('apa/estimate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Estime le plafond, la participation et le montant de l’APA à domicile' })
  @ApiOkResponse({
    type: ApaEstimateAnswerDoc,
    description: 'Une estimation par GIR demandé (les quatre si « unknown »)',
  })
  estimate(@Body() body: ApaEstimateRequest): ApaEstimateAnswer {
    const input = {
      monthlyResourcesCents: body.monthlyResourcesCents,
      household: body.household,
      planCents: body.planCents,
      date: body.date ?? parisDate(new Date()),
    };
    const estimates =
      body.gir === 'unknown' ? estimateForUnknownGir(input) : [estimateApa({ ...input, gir: body.gir })];
    // CASF R232-10: figures past the last known revaluation are the last known ones, flagged as provisional.
    const provisional = estimates.some((estimate) => estimate.provisional);
    return {
      estimates,
      notice: ESTIMATE_NOTICE,
      provisional,
      ...(provisional ? { warning: provisionalParametersWarning(estimates[0].parameters) } : {}),
    };
  }
}
