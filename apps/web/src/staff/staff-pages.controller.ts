import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dataOrRefusal, expectData, pageErrorFor } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PageError } from '../errors/page-errors.js';
import { PAGE_ID } from '../errors/page-params.js';
import { answersSummary } from '../forms/answers-summary.js';
import { centsFromEuros, type PostedBody, postedText } from '../forms/form-submission.js';
import { euros, frenchDate, frenchDateTime } from '../layout/french-format.js';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { availableActions, type FileDetail, inboxRows } from './inbox.view.js';
import {
  clockEffectText,
  type DecisionForm,
  readDecision,
  readInfoRequest,
  staffFileView,
} from './staff-file.view.js';

const PAGE_SIZE = 25;

/** Agents and supervisors: the inbox of their teams, a file, and what they do on it (through routing's API). */
@Controller('agents/dossiers')
export class StaffPagesController {
  constructor(
    private readonly api: PageApi,
    private readonly catalogue: ProcedureCatalogue,
  ) {}

  private staff(request: SessionRequest) {
    const signedIn = this.api.signedIn(request);
    if (!signedIn.person.roles.some((role) => role === 'agent' || role === 'supervisor')) {
      throw new PageError('forbidden');
    }
    return signedIn;
  }

  private async titles(): Promise<Map<string, string>> {
    return new Map((await this.catalogue.list()).map((procedure) => [procedure.code, procedure.title]));
  }

  @Get()
  async inbox(
    @Query() query: Record<string, string | undefined>,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api, person } = this.staff(request);
    const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
    const assignee =
      query.attribution === 'moi' ? 'me' : query.attribution === 'personne' ? 'none' : undefined;
    const status = query.statut || undefined;
    const procedure = query.demarche || undefined;
    const commune = /^\d[\dAB]\d{3}$/.test(query.commune ?? '') ? query.commune : undefined;
    const answer = await api.routing.GET('/api/back-office/applications', {
      params: {
        query: {
          page,
          pageSize: PAGE_SIZE,
          ...(assignee ? { assignee } : {}),
          ...(status ? { status: status as never } : {}),
          ...(procedure ? { procedure } : {}),
          ...(commune ? { commune } : {}),
        },
      },
    });
    const inbox = expectData(answer);
    const titles = await this.titles();
    // A supervisor sees who is overloaded before assigning.
    const load = person.roles.includes('supervisor')
      ? (await api.routing.GET('/api/back-office/teams-load')).data?.items
      : undefined;
    const pages = Math.max(1, Math.ceil(inbox.total / PAGE_SIZE));
    const keep = (target: number) =>
      `/agents/dossiers?${new URLSearchParams({ ...(query as Record<string, string>), page: String(target) })}`;
    response.render('staff/inbox', {
      title: 'Dossiers à instruire',
      rows: inboxRows(inbox.items, person.subject, titles),
      total: inbox.total,
      teams: person.teams,
      load: load?.map((team) => ({
        teamCode: team.teamCode,
        rows: team.agents.map((agent) => [
          { text: agent.displayName },
          { text: String(agent.openFiles), format: 'numeric' },
        ]),
      })),
      filters: {
        statut: status ?? '',
        demarche: procedure ?? '',
        attribution: query.attribution ?? '',
        commune: query.commune ?? '',
      },
      procedures: [...titles].map(([code, title]) => ({ code, title })),
      pagination: {
        previous: page > 1 ? { href: keep(page - 1), text: 'Page précédente' } : undefined,
        next: page < pages ? { href: keep(page + 1), text: 'Page suivante' } : undefined,
      },
    });
  }

  /** The file as the back office sees it; another team's file is « not found », as an unknown one (no leak). */
  private async file(request: SessionRequest, id: string): Promise<FileDetail> {
    const { api } = this.staff(request);
    const answer = await api.routing.GET('/api/back-office/applications/{id}', { params: { path: { id } } });
    if (answer.response.status === 403) throw new PageError('not-found', 'another team’s file');
    return expectData(answer);
  }

  private async renderFile(
    request: SessionRequest,
    response: Response,
    file: FileDetail,
    extra: Record<string, unknown> = {},
  ) {
    const { api, person } = this.staff(request);
    const canAssign = person.roles.includes('supervisor');
    const suggestion = canAssign
      ? (
          await api.routing.GET('/api/back-office/applications/{id}/assignee-suggestion', {
            params: { path: { id: file.id } },
          })
        ).data
      : undefined;
    const titles = await this.titles();
    const { procedure } = await this.catalogue.form(file.procedure);
    response.status(extra.errorList ? 400 : 200).render('staff/file', {
      title: `Dossier ${file.receiptNumber}`,
      clockEffect: clockEffectText(procedure.deadline.infoRequestEffect),
      file: staffFileView(file, titles.get(file.procedure) ?? file.procedure),
      actions: availableActions(file, person.subject, canAssign),
      suggestion,
      backLink: { href: '/agents/dossiers', text: 'Dossiers à instruire' },
      ...extra,
    });
  }

  @Get(':id')
  async show(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    const file = await this.file(request, id);
    await this.renderFile(request, response, file, {
      done: typeof request.query.fait === 'string' ? request.query.fait : undefined,
    });
  }

  /** A refusal of the API shown on the file's page, next to the form's field when it names one. */
  private async refuse(
    request: SessionRequest,
    response: Response,
    id: string,
    refusal: { status: number; message: string; details: { field: string; reason: string }[] },
    fieldIds: Record<string, string>,
  ) {
    if (refusal.status === 409) {
      // Someone acted meanwhile (another agent decided, the citizen withdrew): say so with the file as it is now.
      const file = await this.file(request, id);
      return this.renderFile(request, response, file, {
        conflict: file.decision
          ? `Ce dossier a été décidé entre-temps : ${file.decision.reason}`
          : `L’état du dossier a changé entre-temps (${file.statusLabel}) : l’action n’a pas été faite.`,
      });
    }
    const errors = refusal.details.length
      ? refusal.details.map((detail) => ({
          text: `${detail.reason.charAt(0).toUpperCase()}${detail.reason.slice(1)}`,
          href: `#${fieldIds[detail.field] ?? Object.values(fieldIds)[0]}`,
          field: fieldIds[detail.field] ?? Object.values(fieldIds)[0],
        }))
      : [
          {
            text: refusal.message,
            href: `#${Object.values(fieldIds)[0]}`,
            field: Object.values(fieldIds)[0],
          },
        ];
    const file = await this.file(request, id);
    await this.renderFile(request, response, file, {
      errorList: errors.map(({ text: message, href }) => ({ text: message, href })),
      fieldErrors: Object.fromEntries(
        errors.map((error) => [error.field, { text: error.text, visuallyHiddenText: 'Erreur' }]),
      ),
      posted: request.body as PostedBody,
    });
  }

  @Post(':id/prendre')
  async claim(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    const { api } = this.staff(request);
    const answer = dataOrRefusal(
      await api.routing.POST('/api/back-office/applications/{id}/claim', { params: { path: { id } } }),
    );
    if ('refusal' in answer) return this.refuse(request, response, id, answer.refusal, { claim: 'claim' });
    response.redirect(303, `/agents/dossiers/${id}?fait=pris`);
  }

  @Post(':id/rendre')
  async release(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    const { api } = this.staff(request);
    const answer = dataOrRefusal(
      await api.routing.POST('/api/back-office/applications/{id}/release', { params: { path: { id } } }),
    );
    if ('refusal' in answer)
      return this.refuse(request, response, id, answer.refusal, { release: 'release' });
    response.redirect(303, `/agents/dossiers/${id}?fait=rendu`);
  }

  @Post(':id/attribuer')
  async assign(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.staff(request);
    const agentId = postedText(body, 'agentId');
    const answer = dataOrRefusal(
      await api.routing.POST('/api/back-office/applications/{id}/assign', {
        params: { path: { id } },
        body: { agentId },
      }),
    );
    if ('refusal' in answer)
      return this.refuse(request, response, id, answer.refusal, { agentId: 'agentId' });
    response.redirect(303, `/agents/dossiers/${id}?fait=attribue`);
  }

  @Post(':id/demande-informations')
  async requestInfo(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.staff(request);
    const form = readInfoRequest(body);
    const ids = { message: 'message', answerBy: 'answerBy' };
    if (form.errors.length) {
      return this.refuse(request, response, id, { status: 400, message: '', details: form.errors }, ids);
    }
    const answer = dataOrRefusal(
      await api.routing.POST('/api/back-office/applications/{id}/request-info', {
        params: { path: { id } },
        body: { message: form.message, answerBy: form.answerBy },
      }),
    );
    if ('refusal' in answer) return this.refuse(request, response, id, answer.refusal, ids);
    response.redirect(303, `/agents/dossiers/${id}?fait=informations`);
  }

  @Post(':id/evaluation')
  async evaluate(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.staff(request);
    const gir = Number(postedText(body, 'gir'));
    const ids = { gir: 'gir', evaluatedOn: 'gir' };
    if (!Number.isInteger(gir) || gir < 1 || gir > 6) {
      const details = [{ field: 'gir', reason: 'choisissez le GIR évalué au domicile' }];
      return this.refuse(request, response, id, { status: 400, message: '', details }, ids);
    }
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const answer = dataOrRefusal(
      await api.routing.POST('/api/back-office/applications/{id}/evaluation', {
        params: { path: { id } },
        body: { evaluatedOn: today, gir },
      }),
    );
    if ('refusal' in answer) return this.refuse(request, response, id, answer.refusal, ids);
    response.redirect(303, `/agents/dossiers/${id}?fait=evaluation`);
  }

  /** The care plan: previewed (participation, APA) by the API's own rules, then proposed on confirmation. */
  @Post(':id/plan-d-aide')
  async carePlan(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.staff(request);
    const planCents = centsFromEuros(postedText(body, 'plan'));
    const description = postedText(body, 'description');
    const ids = { planCents: 'plan', description: 'description' };
    if (planCents === undefined || planCents <= 0) {
      const details = [
        { field: 'planCents', reason: 'indiquez le montant mensuel du plan en euros, par exemple 900' },
      ];
      return this.refuse(request, response, id, { status: 400, message: '', details }, ids);
    }
    const payload = {
      params: { path: { id } },
      body: { planCents, ...(description ? { description } : {}) },
    };
    if (postedText(body, 'confirm') !== 'true') {
      const preview = dataOrRefusal(
        await api.routing.POST('/api/back-office/applications/{id}/care-plan-preview', payload),
      );
      if ('refusal' in preview) return this.refuse(request, response, id, preview.refusal, ids);
      const plan = preview.data.carePlan;
      return response.render('staff/care-plan-preview', {
        title: 'Vérifiez le plan d’aide avant de le proposer',
        file: preview.data,
        plan: plan && {
          gir: plan.gir,
          plan: euros(plan.planCents),
          participation: euros(plan.participationCents),
          apa: euros(plan.apaCents),
          answerBy: frenchDate(plan.answerBy),
          capped: plan.planCents < planCents,
        },
        posted: { plan: postedText(body, 'plan'), description },
        backLink: { href: `/agents/dossiers/${id}` },
      });
    }
    const answer = dataOrRefusal(
      await api.routing.POST('/api/back-office/applications/{id}/care-plan', payload),
    );
    if ('refusal' in answer) return this.refuse(request, response, id, answer.refusal, ids);
    response.redirect(303, `/agents/dossiers/${id}?fait=plan`);
  }

  /** The decision: previewed as the citizen will read it (reasons, amount, remedies), then recorded on confirmation. */
  @Post(':id/decision')
  async decide(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.staff(request);
    const form: DecisionForm = readDecision(body);
    const ids = { outcome: 'outcome', reason: 'reason', amountCents: 'amount' };
    if (form.errors.length) {
      return this.refuse(request, response, id, { status: 400, message: '', details: form.errors }, ids);
    }
    const payload = { params: { path: { id } }, body: form.command };
    if (postedText(body, 'confirm') !== 'true') {
      const preview = dataOrRefusal(
        await api.routing.POST('/api/back-office/applications/{id}/decision-preview', payload),
      );
      if ('refusal' in preview) return this.refuse(request, response, id, preview.refusal, ids);
      const decision = preview.data.decision;
      return response.render('staff/decision-preview', {
        title: 'Vérifiez la décision avant de la notifier',
        file: preview.data,
        decision: decision && {
          outcome: decision.outcome,
          reason: decision.reason,
          remedies: decision.remedies,
          amount: decision.amountCents !== undefined ? euros(decision.amountCents) : undefined,
          participation:
            decision.participationCents !== undefined ? euros(decision.participationCents) : undefined,
        },
        posted: {
          outcome: form.command.outcome,
          reason: postedText(body, 'reason'),
          amount: postedText(body, 'amount'),
        },
        backLink: { href: `/agents/dossiers/${id}` },
      });
    }
    const answer = dataOrRefusal(
      await api.routing.POST('/api/back-office/applications/{id}/decide', payload),
    );
    if ('refusal' in answer) return this.refuse(request, response, id, answer.refusal, ids);
    response.redirect(303, `/agents/dossiers/${id}?fait=decision`);
  }

  /** The file's content, read through intake with the reason the agent gives (logged, shown to the citizen). */
  @Post(':id/contenu')
  async content(
    @Param('id', PAGE_ID) id: string,
    @Body() body: PostedBody,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.staff(request);
    const purpose = postedText(body, 'purpose');
    const answer = await api.intake.GET('/api/applications/{id}/content', {
      params: { path: { id }, query: { purpose: purpose as never } },
    });
    if (answer.response.status === 400) {
      const details = [{ field: 'purpose', reason: 'choisissez pourquoi vous consultez le dossier' }];
      return this.refuse(
        request,
        response,
        id,
        { status: 400, message: '', details },
        { purpose: 'purpose' },
      );
    }
    if (!answer.response.ok || !answer.data) {
      throw pageErrorFor(answer.response.status === 403 ? 404 : answer.response.status);
    }
    const content = answer.data;
    const { parts } = await this.catalogue.form(content.procedure);
    response.render('staff/content', {
      title: 'Contenu du dossier',
      cards: answersSummary(id, parts, content.data).map((card) => ({
        ...card,
        rows: card.rows.map((row) => ({ key: row.key, value: row.value })),
      })),
      readAt: frenchDateTime(content.access.at),
      backLink: { href: `/agents/dossiers/${id}` },
    });
  }
}
