import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue.js';
import type { WebConfig } from '../web.config.js';
import { WEB_CONFIG } from '../web.tokens.js';

/** Home, the legal pages, and the probe. */
@Controller()
export class PagesController {
  constructor(
    private readonly catalogue: ProcedureCatalogue,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  async home(@Res() response: Response): Promise<void> {
    response.render('pages/home', { title: 'Accueil', procedures: await this.catalogue.list() });
  }

  @Get('mentions-legales')
  legalNotice(@Res() response: Response): void {
    response.render('legal/legal-notice', { title: 'Mentions légales' });
  }

  @Get('donnees-personnelles')
  personalData(@Res() response: Response): void {
    response.render('legal/personal-data', { title: 'Données personnelles' });
  }

  @Get('accessibilite')
  accessibility(@Res() response: Response): void {
    response.render('legal/accessibility', {
      title: 'Déclaration d’accessibilité',
      contact: this.config.ACCESSIBILITY_CONTACT,
    });
  }

  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
