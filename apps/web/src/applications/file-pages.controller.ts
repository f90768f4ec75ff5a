import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dataOrRefusal, expectData } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PAGE_ID } from '../errors/page-params.js';
import { type PostedBody, postedText } from '../forms/form-submission.js';
import { parisToday } from '../layout/french-format.js';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { myApplicationsView } from './applications.view.js';
import { fileView } from './file.view.js';
import { readingTexts } from './readings.js';

/** « Mes démarches », a file's page, and what the person answers from it. */
@Controller()
export class FilePagesController {
  constructor(
    private readonly api: PageApi,
    private readonly catalogue: ProcedureCatalogue,
  ) {}

  @Get('mes-demarches')
  async list(@Req() request: SessionRequest, @Res() response: Response): Promise<void> {
    const { api } = this.api.signedIn(request);
    const [mine, procedures] = await Promise.all([
      api.intake.GET('/api/applications'),
      this.catalogue.list(),
    ]);
    const titles = new Map(procedures.map((procedure) => [procedure.code, procedure.title]));
    response.render('applications/list', {
      title: 'Mes démarches',
      procedures,
      ...myApplicationsView(expectData(mine).items, titles),
    });
  }

  @Get('dossiers/:id')
  async file(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    const { api } = this.api.signedIn(request);
    const params = { params: { path: { id } } };
    const application = expectData(await api.intake.GET('/api/applications/{id}', params));
    if (application.status === 'draft') return response.redirect(303, `/dossiers/${id}/etapes`);
    const [timeline, accesses, { procedure }] = await Promise.all([
      api.intake.GET('/api/applications/{id}/timeline', params),
      api.intake.GET('/api/applications/{id}/accesses', params),
      this.catalogue.form(application.procedure),
    ]);
    response.render('applications/file', {
      title: `Dossier ${application.receiptNumber ?? ''}`.trim(),
      file: fileView(application, procedure.title, expectData(timeline).items, parisToday()),
      accesses: readingTexts(accesses.data),
      done: typeof request.query.fait === 'string' ? request.query.fait : undefined,
      maxEvidenceMegabytes: Math.floor(this.api.evidenceMaxBytes() / (1024 * 1024)),
      backLink: { href: '/mes-demarches', text: 'Mes démarches' },
    });
  }

  @Get('dossiers/:id/retirer')
  async confirmWithdrawal(
    @Param('id', PAGE_ID) id: string,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.api.signedIn(request);
    const application = expectData(
      await api.intake.GET('/api/applications/{id}', { params: { path: { id } } }),
    );
    response.render('applications/withdraw', {
      title: 'Retirer votre demande',
      application,
      backLink: { href: `/dossiers/${id}` },
    });
  }

  @Post('dossiers/:id/retirer')
  async withdraw(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.api.signedIn(request);
    const reason = postedText(body, 'reason');
    const answer = dataOrRefusal(
      await api.intake.POST('/api/applications/{id}/withdraw', {
        params: { path: { id } },
        body: reason ? { reason } : {},
      }),
    );
    if ('refusal' in answer && answer.refusal.status === 400) {
      const application = expectData(
        await api.intake.GET('/api/applications/{id}', { params: { path: { id } } }),
      );
      return response.status(400).render('applications/withdraw', {
        title: 'Retirer votre demande',
        application,
        reason,
        errorList: [
          { text: `Motif : ${answer.refusal.details[0]?.reason ?? answer.refusal.message}`, href: '#reason' },
        ],
        backLink: { href: `/dossiers/${id}` },
      });
    }
    response.redirect(303, `/dossiers/${id}?fait=${'refusal' in answer ? 'deja' : 'retrait'}`);
  }

  @Post('dossiers/:id/complement')
  async complement(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.api.signedIn(request);
    const message = postedText(body, 'message');
    const requestId = postedText(body, 'requestId');
    if (!message) return this.refuse(response, id, request, 'message', 'Écrivez votre réponse à la demande');
    const answer = dataOrRefusal(
      await api.intake.POST('/api/applications/{id}/complements', {
        params: { path: { id } },
        body: { message, ...(requestId ? { requestId } : {}) },
      }),
    );
    if ('refusal' in answer)
      return this.refuse(
        response,
        id,
        request,
        'message',
        answer.refusal.details[0]?.reason ?? answer.refusal.message,
      );
    response.redirect(303, `/dossiers/${id}?fait=complement`);
  }

  @Post('dossiers/:id/plan-d-aide')
  async carePlan(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.api.signedIn(request);
    const choice = postedText(body, 'accept');
    const requestedChanges = postedText(body, 'requestedChanges');
    if (choice !== 'true' && choice !== 'false') {
      return this.refuse(response, id, request, 'accept', 'Dites si vous acceptez le plan d’aide');
    }
    if (choice === 'false' && !requestedChanges) {
      return this.refuse(
        response,
        id,
        request,
        'requestedChanges',
        'Dites ce que vous souhaitez changer dans le plan d’aide',
      );
    }
    const answer = dataOrRefusal(
      await api.intake.POST('/api/applications/{id}/care-plan/answer', {
        params: { path: { id } },
        body: { accept: choice === 'true', ...(requestedChanges ? { requestedChanges } : {}) },
      }),
    );
    if ('refusal' in answer) return this.refuse(response, id, request, 'accept', answer.refusal.message);
    response.redirect(303, `/dossiers/${id}?fait=plan`);
  }

  @Post('dossiers/:id/reponse-controle')
  async controlAnswer(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.api.signedIn(request);
    const answerText = postedText(body, 'answer');
    if (!answerText) return this.refuse(response, id, request, 'answer', 'Écrivez votre réponse au contrôle');
    const answer = dataOrRefusal(
      await api.intake.POST('/api/applications/{id}/control-answer', {
        params: { path: { id } },
        body: { answer: answerText },
      }),
    );
    if ('refusal' in answer)
      return this.refuse(
        response,
        id,
        request,
        'answer',
        answer.refusal.details[0]?.reason ?? answer.refusal.message,
      );
    response.redirect(303, `/dossiers/${id}?fait=controle`);
  }

  /** The file's page again, with the error next to the answer's field. */
  showWithError(response: Response, id: string, request: SessionRequest, field: string, message: string) {
    return this.refuse(response, id, request, field, message);
  }

  private async refuse(
    response: Response,
    id: string,
    request: SessionRequest,
    field: string,
    message: string,
  ) {
    const { api } = this.api.signedIn(request);
    const params = { params: { path: { id } } };
    const application = expectData(await api.intake.GET('/api/applications/{id}', params));
    const [timeline, { procedure }] = await Promise.all([
      api.intake.GET('/api/applications/{id}/timeline', params),
      this.catalogue.form(application.procedure),
    ]);
    response.status(400).render('applications/file', {
      title: `Dossier ${application.receiptNumber ?? ''}`.trim(),
      file: fileView(application, procedure.title, expectData(timeline).items, parisToday()),
      accesses: [],
      fieldError: { field, text: message },
      errorList: [{ text: message, href: `#${field}` }],
      maxEvidenceMegabytes: Math.floor(this.api.evidenceMaxBytes() / (1024 * 1024)),
      backLink: { href: '/mes-demarches', text: 'Mes démarches' },
    });
  }
}
