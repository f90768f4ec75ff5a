import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { dataOrRefusal, expectData } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PageError } from '../errors/page-errors.js';
import { PAGE_ID } from '../errors/page-params.js';
import { answersSummary, taskListView } from '../forms/answers-summary.js';
import { fieldErrors, partOf } from '../forms/api-errors.js';
import { type FormPart, partsAsked } from '../forms/form-fields.js';
import { displayedValues, type FieldError, type PostedBody, readPart } from '../forms/form-submission.js';
import { fieldView } from '../forms/field-view.js';
import { ProcedureCatalogue, type ProcedureDescription } from '../procedures/procedure-catalogue.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { receiptView } from './receipt.view.js';

const IDEMPOTENCY_KEY = /^[0-9a-f-]{36}$/;
const SWORN_ERROR = {
  text: 'Cochez la déclaration sur l’honneur pour envoyer votre demande',
  href: '#swornStatement',
};

/** Filing: one page per part (saved on each « Continuer »), check your answers, the sworn statement, the receipt. */
@Controller('dossiers/:id')
export class DraftPagesController {
  constructor(
    private readonly api: PageApi,
    private readonly catalogue: ProcedureCatalogue,
  ) {}

  private async load(request: SessionRequest, id: string) {
    const { api } = this.api.signedIn(request);
    const application = expectData(
      await api.intake.GET('/api/applications/{id}', { params: { path: { id } } }),
    );
    const form = await this.catalogue.form(application.procedure);
    return { api, application, ...form, asked: partsAsked(form.parts, application.data) };
  }

  private renderPart(
    response: Response,
    context: { id: string; title: string; part: FormPart; asked: FormPart[]; data: unknown; back: boolean },
    posted: PostedBody | undefined,
    errors: FieldError[],
    summary: { text: string; href: string }[] = errors.map((error) => ({
      text: error.text,
      href: `#${error.id}`,
    })),
    status = errors.length ? 400 : 200,
  ): void {
    const { part, asked } = context;
    const index = asked.findIndex((candidate) => candidate.key === part.key);
    const values = { posted, saved: displayedValues(part, context.data) };
    const fields = part.fields.map((field) =>
      fieldView(field, values, errors, { asPageHeading: part.single }),
    );
    const previous =
      index > 0 ? `/dossiers/${context.id}/etapes/${asked[index - 1].key}` : `/dossiers/${context.id}/etapes`;
    response.status(status).render('procedures/part', {
      title: part.title,
      procedureTitle: context.title,
      part,
      fields,
      step: { current: index + 1, total: asked.length },
      action: `/dossiers/${context.id}/etapes/${part.key}${context.back ? '?retour=recapitulatif' : ''}`,
      errorList: summary,
      backLink: { href: context.back ? `/dossiers/${context.id}/recapitulatif` : previous },
    });
  }

  @Get('etapes')
  async tasks(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    const { application, procedure, asked } = await this.load(request, id);
    if (application.status !== 'draft') return response.redirect(303, `/dossiers/${id}`);
    response.render('procedures/task-list', {
      title: procedure.title,
      procedure,
      tasks: taskListView(id, asked, application.data),
      backLink: { href: '/mes-demarches', text: 'Mes démarches' },
    });
  }

  @Get('etapes/:part')
  async part(
    @Param('id', PAGE_ID) id: string,
    @Param('part') key: string,
    @Query('retour') back: string | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { application, procedure, parts, asked } = await this.load(request, id);
    if (application.status !== 'draft') return response.redirect(303, `/dossiers/${id}`);
    const part = parts.find((candidate) => candidate.key === key);
    if (!part) throw new PageError('not-found');
    const context = {
      id,
      title: procedure.title,
      part,
      asked,
      data: application.data,
      back: back === 'recapitulatif',
    };
    this.renderPart(response, context, undefined, []);
  }

  @Post('etapes/:part')
  async savePart(
    @Param('id', PAGE_ID) id: string,
    @Param('part') key: string,
    @Query('retour') back: string | undefined,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { api, application, procedure, parts } = await this.load(request, id);
    if (application.status !== 'draft') return response.redirect(303, `/dossiers/${id}`);
    const part = parts.find((candidate) => candidate.key === key);
    if (!part) throw new PageError('not-found');
    const { data, errors } = readPart(part, body);
    const merged = { ...application.data, ...data };
    const context = {
      id,
      title: procedure.title,
      part,
      asked: partsAsked(parts, merged),
      data: merged,
      back: back === 'recapitulatif',
    };
    if (errors.length > 0) return this.renderPart(response, context, body, errors);
    const saved = dataOrRefusal(
      await api.intake.PATCH('/api/applications/{id}', { params: { path: { id } }, body: { data } }),
    );
    if ('refusal' in saved) {
      return this.renderPart(response, context, body, fieldErrors(parts, saved.refusal.details));
    }
    const asked = partsAsked(parts, saved.data.data);
    const next = asked[asked.findIndex((candidate) => candidate.key === key) + 1];
    response.redirect(
      303,
      context.back || !next ? `/dossiers/${id}/recapitulatif` : `/dossiers/${id}/etapes/${next.key}`,
    );
  }

  @Get('recapitulatif')
  async summary(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    const { application, procedure, asked } = await this.load(request, id);
    if (application.status !== 'draft') return response.redirect(303, `/dossiers/${id}`);
    this.renderCheckAnswers(response, id, procedure, asked, application.data);
  }

  @Post('deposer')
  async submit(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { api, application, procedure, parts, asked } = await this.load(request, id);
    const key = String(body.idempotencyKey ?? '');
    if (application.status !== 'draft') return response.redirect(303, `/dossiers/${id}/recepisse`);
    const sworn = body.swornStatement === 'true';
    if (!sworn) {
      // The sworn statement is the page's own question: asked again here, the answers untouched.
      return this.renderCheckAnswers(response, id, procedure, asked, application.data, SWORN_ERROR);
    }
    const answer = IDEMPOTENCY_KEY.test(key)
      ? dataOrRefusal(
          await api.intake.POST('/api/applications/{id}/submit', {
            params: { path: { id }, header: { 'Idempotency-Key': key } },
            body: { swornStatement: sworn },
          }),
        )
      : { refusal: { status: 400, code: 'BAD_FORM', message: '', details: [] } };
    if ('data' in answer) return response.redirect(303, `/dossiers/${id}/recepisse`);
    const errors = fieldErrors(parts, answer.refusal.details).filter(
      (error) => error.path !== 'swornStatement',
    );
    // A refusal of the answers (a rule of the procedure, a missing answer): the first part concerned, with the
    // reason next to its field and every other reason in the summary, linked to its own page.
    const first = errors.map((error) => partOf(parts, error.path)).find((part) => part !== undefined);
    if (first) {
      const summary = errors.map((error) => {
        const part = partOf(parts, error.path);
        const onPage = part?.key === first.key;
        return {
          text: error.text,
          href:
            onPage || !part
              ? `#${error.id}`
              : `/dossiers/${id}/etapes/${part.key}?retour=recapitulatif#${error.id}`,
        };
      });
      const context = { id, title: procedure.title, part: first, asked, data: application.data, back: true };
      return this.renderPart(response, context, undefined, errors, summary, answer.refusal.status);
    }
    const error = {
      text: answer.refusal.message || 'Votre demande n’a pas pu être envoyée.',
      href: '#main-content',
    };
    this.renderCheckAnswers(response, id, procedure, asked, application.data, error, answer.refusal.status);
  }

  private renderCheckAnswers(
    response: Response,
    id: string,
    procedure: ProcedureDescription,
    asked: FormPart[],
    data: unknown,
    error?: { text: string; href: string },
    status = error ? 400 : 200,
  ): void {
    const swornError = error === SWORN_ERROR ? { text: error.text } : undefined;
    response.status(status).render('procedures/check-answers', {
      title: 'Vérifiez vos réponses avant d’envoyer votre demande',
      procedure,
      cards: answersSummary(id, asked, data),
      idempotencyKey: randomUUID(),
      action: `/dossiers/${id}/deposer`,
      swornError,
      errorList: error ? [error] : undefined,
      backLink: { href: `/dossiers/${id}/etapes/${asked[asked.length - 1]?.key ?? ''}` },
    });
  }

  @Get('recepisse')
  async receipt(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    const { application, procedure } = await this.load(request, id);
    if (!application.receiptNumber) return response.redirect(303, `/dossiers/${id}/recapitulatif`);
    response.render('procedures/receipt', {
      title: 'Demande envoyée',
      ...receiptView(application, procedure),
    });
  }
}
