import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiClients } from '#api-client';
import { dataOrRefusal, expectData } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PageError } from '../errors/page-errors.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { adminApi } from './admin-access.js';
import type { FormError } from './directory.view.js';
import {
  pastVersionRows,
  type PolicyVersion,
  policyErrorsFromApi,
  policyView,
  readPolicy,
  readPolicyForm,
  RULE_OPERATORS,
} from './policies.view.js';

const PROCEDURE = /^[a-z0-9-]{2,40}$/;

/** Sampling policies: one page per procedure with its current version, the form of a new one, past versions. */
@Controller('admin/politiques')
export class PoliciesPagesController {
  constructor(private readonly pages: PageApi) {}

  @Get()
  async index(@Req() request: SessionRequest, @Res() response: Response) {
    adminApi(this.pages, request);
    response.render('admin/policies', {
      title: 'Politiques d’échantillonnage',
      backLink: { href: '/admin', text: 'Administration' },
      procedures: await this.procedures(),
    });
  }

  @Get(':procedure')
  async show(
    @Param('procedure') procedure: string,
    @Query('version') saved: string | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const api = adminApi(this.pages, request);
    await this.render(response, api, procedure, {
      saved: saved && /^\d{1,6}$/.test(saved) ? saved : undefined,
    });
  }

  @Post(':procedure')
  async save(
    @Param('procedure') procedure: string,
    @Body() body: unknown,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const api = adminApi(this.pages, request);
    const { current } = await this.policy(api, procedure);
    const { request: policy, errors, values } = readPolicyForm(body, current);
    if (!policy) return this.render(response, api, procedure, { errors, values });
    const answer = dataOrRefusal(
      await api.checks.PUT('/api/sampling-policies/{procedure}', {
        params: { path: { procedure } },
        body: policy as never,
      }),
    );
    if ('refusal' in answer) {
      const { details, message } = answer.refusal;
      return this.render(response, api, procedure, { errors: policyErrorsFromApi(details, message), values });
    }
    const version = (answer.data as { version?: number }).version;
    response.redirect(303, `/admin/politiques/${procedure}?version=${version ?? ''}`);
  }

  /** The procedure's policy; a procedure intake does not offer is the 404 page (checks would answer its default). */
  private async policy(api: ApiClients, procedure: string) {
    if (!PROCEDURE.test(procedure)) throw new PageError('not-found', 'procedure');
    const known = await this.procedures();
    const title = known.find((item) => item.code === procedure)?.title;
    if (!title) throw new PageError('not-found', 'procedure');
    const answer = await api.checks.GET('/api/sampling-policies/{procedure}', {
      params: { path: { procedure } },
    });
    return { title, ...readPolicy(expectData({ ...answer, data: answer.data as unknown })) };
  }

  private async procedures(): Promise<{ code: string; title: string }[]> {
    const answer = expectData(await this.pages.public().intake.GET('/api/procedures'));
    return answer.items.map((item) => ({ code: item.code, title: item.title }));
  }

  private async render(
    response: Response,
    api: ApiClients,
    procedure: string,
    state: { saved?: string; errors?: FormError[]; values?: Record<string, string> },
  ) {
    const { current, title } = await this.policy(api, procedure);
    const history = expectData(
      await api.checks.GET('/api/sampling-policies/{procedure}/versions', {
        params: { path: { procedure } },
      }),
    );
    const view = policyView(current);
    const errors = state.errors ?? [];
    const values = state.values ?? {};
    response.status(errors.length > 0 ? 400 : 200).render('admin/policy', {
      title: `Politique d’échantillonnage — ${title}`,
      backLink: { href: '/admin/politiques', text: 'Politiques d’échantillonnage' },
      procedure,
      saved: state.saved,
      policy: view,
      pastRows: pastVersionRows(history.items as PolicyVersion[], current.version),
      form: {
        baseRate: values.baseRate ?? view.form.baseRate,
        floor: values.floor ?? view.form.floor,
        ceiling: values.ceiling ?? view.form.ceiling,
        weights: view.form.weights.map((weight, index) => ({
          ...weight,
          value: values[weight.id] ?? weight.value,
          removed: values[`remove-${index}`] === 'oui',
          index,
        })),
        newRule: {
          label: values.newLabel ?? '',
          field: values.newField ?? '',
          value: values.newValue ?? '',
          weight: values.newWeight ?? '',
        },
        operators: [
          { value: '', text: 'Choisissez' },
          ...RULE_OPERATORS.map((operator) => ({
            ...operator,
            selected: operator.value === values.newOperator,
          })),
        ],
      },
      fieldErrors: Object.fromEntries(errors.map((error) => [error.field, error.text])),
      errorList: errors.map((error) => ({ text: error.text, href: `#${error.field}` })),
    });
  }
}
