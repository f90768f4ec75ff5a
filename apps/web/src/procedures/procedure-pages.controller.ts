import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { expectData } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { ProcedureCatalogue } from './procedure-catalogue.js';

/** A procedure's start page, and the draft it opens. */
@Controller('demarches')
export class ProcedurePagesController {
  constructor(
    private readonly catalogue: ProcedureCatalogue,
    private readonly api: PageApi,
  ) {}

  @Get(':code')
  async start(@Param('code') code: string, @Res() response: Response): Promise<void> {
    const { procedure } = await this.catalogue.form(code);
    response.render('procedures/start', { title: procedure.title, procedure, backLink: { href: '/' } });
  }

  @Post(':code/commencer')
  async begin(
    @Param('code') code: string,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { parts } = await this.catalogue.form(code);
    const { api } = this.api.signedIn(request);
    const draft = expectData(await api.intake.POST('/api/applications', { body: { procedure: code } }));
    response.redirect(303, `/dossiers/${draft.id}/etapes/${parts[0]?.key ?? ''}`);
  }
}
