import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageApi } from '../api/page-api.js';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { gatherPersonalData } from './personal-data.gathering.js';
import { personalDataView } from './personal-data.view.js';

/**
 * The right of access (GDPR art. 15): a signed-in citizen reads everything held about their files on one page, or
 * downloads it as JSON. Gathered through the services' APIs with the person's own token; each copy is logged (how
 * many files, which format; never what they hold).
 */
@Controller('mes-donnees')
export class PersonalDataController {
  private readonly logger = new Logger('personal-data');

  constructor(
    private readonly api: PageApi,
    private readonly catalogue: ProcedureCatalogue,
  ) {}

  @Get()
  async page(@Req() request: SessionRequest, @Res() response: Response): Promise<void> {
    const { api, person } = this.api.signedIn(request);
    const copy = await gatherPersonalData(api, person, new Date());
    const procedures = [...new Set(copy.files.map((file) => file.application.procedure))];
    const forms = new Map(
      await Promise.all(
        procedures.map(async (code) => {
          const form = await this.catalogue.form(code);
          return [code, { title: form.procedure.title, parts: form.parts }] as const;
        }),
      ),
    );
    this.logger.log(
      `copie des données personnelles consultée (art. 15 RGPD) : ${copy.files.length} dossier(s), page`,
    );
    response.render('personal-data/page', {
      title: 'Mes données personnelles',
      ...personalDataView(copy, forms),
      backLink: { href: '/mes-demarches', text: 'Mes démarches' },
    });
  }

  @Get('copie.json')
  async download(@Req() request: SessionRequest, @Res() response: Response): Promise<void> {
    const { api, person } = this.api.signedIn(request);
    const copy = await gatherPersonalData(api, person, new Date());
    this.logger.log(
      `copie des données personnelles téléchargée (art. 15 RGPD) : ${copy.files.length} dossier(s), JSON`,
    );
    response
      .status(200)
      .type('application/json')
      .set('content-disposition', 'attachment; filename="mes-donnees-guichet.json"')
      .set('cache-control', 'no-store')
      .send(JSON.stringify(copy, null, 2));
  }
}
