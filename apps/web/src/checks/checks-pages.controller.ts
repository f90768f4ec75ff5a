import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dataOrRefusal, expectData, pageErrorFor } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PageError } from '../errors/page-errors.js';
import { PAGE_ID } from '../errors/page-params.js';
import { centsFromEuros, type PostedBody, postedDate, postedText } from '../forms/form-submission.js';
import { parisToday } from '../layout/french-format.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { caseView, proofSentences, queueRows, statisticsTables } from './checks.view.js';
import { type ChartName, chartSvg } from './statistics.charts.js';

const PAGE_SIZE = 25;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The auditors' pages: the control queue, a case with the proof of its draw, evidence, conclusion, statistics. */
@Controller('controles')
export class ChecksPagesController {
  constructor(private readonly api: PageApi) {}

  private auditor(request: SessionRequest) {
    const signedIn = this.api.signedIn(request);
    if (!signedIn.person.roles.includes('auditor')) throw new PageError('forbidden');
    return signedIn;
  }

  private period(query: Record<string, string | undefined>) {
    const today = parisToday();
    const from = DATE.test(query.du ?? '') ? (query.du as string) : `${today.slice(0, 4)}-01-01`;
    const to = DATE.test(query.au ?? '') ? (query.au as string) : today;
    return { from, to };
  }

  @Get()
  async queue(
    @Query() query: Record<string, string | undefined>,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.auditor(request);
    const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
    const answer = expectData(
      await api.checks.GET('/api/checks/cases', {
        params: {
          query: {
            page,
            pageSize: PAGE_SIZE,
            ...(query.etat ? { status: query.etat as never } : {}),
            ...(query.demarche ? { procedure: query.demarche } : {}),
          },
        },
      }),
    );
    const pages = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
    const keep = (target: number) =>
      `/controles?${new URLSearchParams({ ...(query as Record<string, string>), page: String(target) })}`;
    response.render('checks/queue', {
      title: 'Contrôles',
      rows: queueRows(answer.items),
      total: answer.total,
      filters: { etat: query.etat ?? '', demarche: query.demarche ?? '' },
      pagination: {
        previous: page > 1 ? { href: keep(page - 1), text: 'Page précédente' } : undefined,
        next: page < pages ? { href: keep(page + 1), text: 'Page suivante' } : undefined,
      },
    });
  }

  @Get('statistiques')
  async statistics(
    @Query() query: Record<string, string | undefined>,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.auditor(request);
    const period = this.period(query);
    const [statistics, verdict] = await Promise.all([
      api.checks.GET('/api/checks/statistics', { params: { query: period } }),
      api.checks.GET('/api/checks/audit/verify'),
    ]);
    const search = new URLSearchParams({ du: period.from, au: period.to }).toString();
    response.render('checks/statistics', {
      title: 'Statistiques des contrôles',
      period,
      search,
      tables: statisticsTables(expectData(statistics)),
      verdict: expectData(verdict),
    });
  }

  @Get('statistiques/:chart.svg')
  async chart(
    @Param('chart') chart: string,
    @Query() query: Record<string, string | undefined>,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.auditor(request);
    if (chart !== 'selection' && chart !== 'outcomes') throw new PageError('not-found');
    const statistics = expectData(
      await api.checks.GET('/api/checks/statistics', { params: { query: this.period(query) } }),
    );
    response.type('image/svg+xml').send(chartSvg(chart as ChartName, statistics));
  }

  @Get('export.csv')
  async csv(
    @Query() query: Record<string, string | undefined>,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.auditor(request);
    const period = this.period(query);
    const answer = await api.checks.GET('/api/checks/cases.csv', {
      params: { query: period },
      parseAs: 'text',
    });
    if (!answer.response.ok || answer.data === undefined) throw pageErrorFor(answer.response.status);
    response
      .type('text/csv; charset=utf-8')
      .attachment(`controles-${period.from}-${period.to}.csv`)
      .send(answer.data);
  }

  @Get('cible')
  targetedForm(@Req() request: SessionRequest, @Res() response: Response) {
    this.auditor(request);
    response.render('checks/targeted', {
      title: 'Ouvrir un contrôle ciblé',
      backLink: { href: '/controles' },
    });
  }

  @Post('cible')
  async targeted(@Body() body: PostedBody, @Req() request: SessionRequest, @Res() response: Response) {
    const { api } = this.auditor(request);
    const applicationId = postedText(body, 'applicationId');
    const reason = postedText(body, 'reason');
    const answer = dataOrRefusal(
      await api.checks.POST('/api/checks/cases', { body: { applicationId, reason } }),
    );
    if ('refusal' in answer) {
      const errors = (
        answer.refusal.details.length
          ? answer.refusal.details
          : [{ field: 'applicationId', reason: answer.refusal.message }]
      ).map((detail) => ({
        field: detail.field === 'reason' ? 'reason' : 'applicationId',
        text: detail.reason,
      }));
      return response.status(400).render('checks/targeted', {
        title: 'Ouvrir un contrôle ciblé',
        values: { applicationId, reason },
        errors: Object.fromEntries(
          errors.map((error) => [error.field, { text: error.text, visuallyHiddenText: 'Erreur' }]),
        ),
        errorList: errors.map((error) => ({ text: error.text, href: `#${error.field}` })),
        backLink: { href: '/controles' },
      });
    }
    response.redirect(303, `/controles/${answer.data.checkId}`);
  }

  private async renderCase(
    request: SessionRequest,
    response: Response,
    id: string,
    extra: Record<string, unknown> = {},
  ) {
    const { api } = this.auditor(request);
    const controlCase = expectData(
      await api.checks.GET('/api/checks/cases/{id}', { params: { path: { id } } }),
    );
    const [proof, evidence] = await Promise.all([
      api.checks.GET('/api/checks/selection/{applicationId}', {
        params: { path: { applicationId: controlCase.application_id } },
      }),
      api.intake.GET('/api/applications/{id}/evidence', {
        params: { path: { id: controlCase.application_id } },
      }),
    ]);
    response.status(extra.errorList ? 400 : 200).render('checks/case', {
      title: 'Contrôle a posteriori',
      controlCase: caseView(controlCase),
      proof: proof.data ? proofSentences(proof.data) : undefined,
      evidence: evidence.data?.items ?? [],
      backLink: { href: '/controles', text: 'Contrôles' },
      ...extra,
    });
  }

  @Get(':id')
  async show(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    await this.renderCase(request, response, id, {
      done: typeof request.query.fait === 'string' ? request.query.fait : undefined,
    });
  }

  @Get(':id/pieces/:evidenceId')
  async download(
    @Param('id', PAGE_ID) id: string,
    @Param('evidenceId', PAGE_ID) evidenceId: string,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.auditor(request);
    const controlCase = expectData(
      await api.checks.GET('/api/checks/cases/{id}', { params: { path: { id } } }),
    );
    const file = await api.intake.GET('/api/applications/{id}/evidence/{evidenceId}', {
      params: { path: { id: controlCase.application_id, evidenceId } },
      parseAs: 'arrayBuffer',
    });
    if (!file.response.ok || !file.data) throw pageErrorFor(file.response.status);
    response
      .type(file.response.headers.get('content-type') ?? 'application/octet-stream')
      .setHeader('Content-Disposition', file.response.headers.get('content-disposition') ?? 'attachment');
    response.send(Buffer.from(file.data as ArrayBuffer));
  }

  /** A step of the case (evidence asked, conclusion proposed, concluded): the API's refusal next to its field. */
  private async step(
    request: SessionRequest,
    response: Response,
    id: string,
    call: () => Promise<
      { data: unknown } | { refusal: { message: string; details: { field: string; reason: string }[] } }
    >,
    done: string,
    form: string,
  ) {
    const answer = await call();
    if ('refusal' in answer) {
      const errors = (
        answer.refusal.details.length
          ? answer.refusal.details
          : [{ field: form, reason: answer.refusal.message }]
      ).map((detail) => ({
        id: `${form}-${detail.field.split('.')[0]}`,
        text: `${detail.reason.charAt(0).toUpperCase()}${detail.reason.slice(1)}`,
      }));
      return this.renderCase(request, response, id, {
        posted: request.body as PostedBody,
        errors: Object.fromEntries(
          errors.map((error) => [error.id, { text: error.text, visuallyHiddenText: 'Erreur' }]),
        ),
        errorList: errors.map((error) => ({ text: error.text, href: `#${error.id}` })),
      });
    }
    response.redirect(303, `/controles/${id}?fait=${done}`);
  }

  @Post(':id/pieces')
  async requestEvidence(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.auditor(request);
    const dueDate = postedDate(body, 'dueDate').date;
    const documents = postedText(body, 'documents')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const message = postedText(body, 'message');
    return this.step(
      request,
      response,
      id,
      async () =>
        dataOrRefusal(
          await api.checks.POST('/api/checks/cases/{id}/evidence-request', {
            params: { path: { id } },
            body: { documents, message, ...(dueDate ? { dueDate } : {}) },
          }),
        ),
      'pieces',
      'demande',
    );
  }

  @Post(':id/proposition')
  async propose(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.auditor(request);
    const overpaymentCents = centsFromEuros(postedText(body, 'overpayment'));
    const command = {
      outcome: postedText(body, 'outcome') as 'compliant',
      reason: postedText(body, 'reason'),
      ...(overpaymentCents !== undefined ? { overpaymentCents } : {}),
    };
    return this.step(
      request,
      response,
      id,
      async () =>
        dataOrRefusal(
          await api.checks.POST('/api/checks/cases/{id}/proposal', {
            params: { path: { id } },
            body: command,
          }),
        ),
      'proposition',
      'proposition',
    );
  }

  @Post(':id/conclusion')
  async conclude(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.auditor(request);
    const overpaymentCents = centsFromEuros(postedText(body, 'overpayment'));
    const monthlyPaymentCents = centsFromEuros(postedText(body, 'monthlyPayment'));
    const paidOn = postedDate(body, 'paidOn').date ?? '';
    const [day, month, year] = ['day', 'month', 'year'].map((part) => postedText(body, `paidOn-${part}`));
    const command = {
      outcome: postedText(body, 'outcome') as 'compliant',
      reason: postedText(body, 'reason'),
      ...(overpaymentCents !== undefined ? { overpaymentCents } : {}),
      ...(monthlyPaymentCents !== undefined ? { monthlyPaymentCents } : {}),
      ...(DATE.test(paidOn) ? { paidOn } : {}),
    };
    if (postedText(body, 'confirm') !== 'true') {
      // The conclusion as checks would record it (the recovery plan included), shown before it is confirmed.
      const preview = dataOrRefusal(
        await api.checks.POST('/api/checks/cases/{id}/conclusion-preview', {
          params: { path: { id } },
          body: command,
        }),
      );
      if ('refusal' in preview) {
        return this.step(request, response, id, async () => preview, 'conclusion', 'conclusion');
      }
      const view = caseView(preview.data);
      return response.render('checks/conclusion-preview', {
        title: 'Vérifiez la conclusion avant de la notifier',
        conclusion: view.conclusion,
        caseId: id,
        posted: {
          outcome: command.outcome,
          reason: command.reason,
          overpayment: postedText(body, 'overpayment'),
          monthlyPayment: postedText(body, 'monthlyPayment'),
          day,
          month,
          year,
        },
        backLink: { href: `/controles/${id}` },
      });
    }
    return this.step(
      request,
      response,
      id,
      async () =>
        dataOrRefusal(
          await api.checks.POST('/api/checks/cases/{id}/conclusion', {
            params: { path: { id } },
            body: command,
          }),
        ),
      'conclusion',
      'conclusion',
    );
  }
}
