import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiClients } from '#api-client';
import { dataOrRefusal, expectData } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { adminApi } from './admin-access.js';
import {
  type AgentForm,
  agentFormOf,
  agentRows,
  type FormError,
  formErrorsFromApi,
  readAgentForm,
  readDirectory,
  readTeamForm,
  type TeamForm,
  teamFormOf,
  teamRequest,
  teamRows,
} from './directory.view.js';

const DONE: Record<string, string> = {
  equipe: 'L’équipe est enregistrée.',
  agent: 'L’agent est enregistré.',
};

interface TeamsPageState {
  teamForm?: TeamForm;
  teamErrors?: FormError[];
  agentForm?: AgentForm;
  agentErrors?: FormError[];
  status?: number;
  /** A team or an agent to change: its form is filled with what the directory holds. */
  changeTeam?: string;
  changeAgent?: string;
}

/** Teams and agents of the directory: the tables, and a form to create or change one of each. */
@Controller('admin/equipes')
export class TeamsPagesController {
  constructor(private readonly pages: PageApi) {}

  @Get()
  async show(
    @Query('fait') done: string | undefined,
    @Query('equipe') changeTeam: string | undefined,
    @Query('agent') changeAgent: string | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const api = adminApi(this.pages, request);
    await this.render(response, api, { changeTeam, changeAgent }, done ? DONE[done] : undefined);
  }

  @Post('equipe')
  async saveTeam(@Body() body: unknown, @Req() request: SessionRequest, @Res() response: Response) {
    const api = adminApi(this.pages, request);
    const { form, errors } = readTeamForm(body);
    if (errors.length > 0)
      return this.render(response, api, { teamForm: form, teamErrors: errors, status: 400 });
    const answer = dataOrRefusal(
      await api.routing.PUT('/api/directory/teams/{code}', {
        params: { path: { code: form.code } },
        body: teamRequest(form),
      }),
    );
    if ('refusal' in answer) {
      const { details, message, status } = answer.refusal;
      return this.render(response, api, {
        teamForm: form,
        teamErrors: formErrorsFromApi(details, message, 'name'),
        status,
      });
    }
    response.redirect(303, '/admin/equipes?fait=equipe');
  }

  @Post('agent')
  async saveAgent(@Body() body: unknown, @Req() request: SessionRequest, @Res() response: Response) {
    const api = adminApi(this.pages, request);
    const { form, errors } = readAgentForm(body);
    if (errors.length > 0)
      return this.render(response, api, { agentForm: form, agentErrors: errors, status: 400 });
    const answer = dataOrRefusal(
      await api.routing.PUT('/api/directory/agents/{subject}', {
        params: { path: { subject: form.subject } },
        body: {
          displayName: form.displayName,
          teamCodes: form.teamCodes,
          ...(form.email ? { email: form.email } : {}),
        },
      }),
    );
    if ('refusal' in answer) {
      const { details, message, status } = answer.refusal;
      return this.render(response, api, {
        agentForm: form,
        agentErrors: formErrorsFromApi(details, message, 'displayName'),
        status,
      });
    }
    response.redirect(303, '/admin/equipes?fait=agent');
  }

  private async render(response: Response, api: ApiClients, state: TeamsPageState, done?: string) {
    const answer = await api.routing.GET('/api/directory/teams');
    const { teams, agents } = readDirectory(expectData({ ...answer, data: answer.data as unknown }));
    const prefixed = (prefix: string, errors: FormError[] = []) =>
      errors.map((error) => ({ ...error, field: `${prefix}-${error.field}` }));
    const errors = [...prefixed('team', state.teamErrors), ...prefixed('agent', state.agentErrors)];
    const changedTeam = teams.find((team) => team.code === state.changeTeam);
    const changedAgent = agents.find((agent) => agent.subject === state.changeAgent);
    const agentForm = state.agentForm ?? (changedAgent ? agentFormOf(changedAgent) : undefined);
    response.status(state.status ?? 200).render('admin/teams', {
      title: 'Équipes et agents',
      backLink: { href: '/admin', text: 'Administration' },
      done,
      teamRows: teamRows(teams),
      agentRows: agentRows(agents),
      teamChoices: teams.map((team) => ({
        value: team.code,
        text: `${team.code} — ${team.name}`,
        checked: agentForm?.teamCodes.includes(team.code) ?? false,
      })),
      teamForm: state.teamForm ?? (changedTeam ? teamFormOf(changedTeam) : { kind: 'territorial_office' }),
      agentForm: agentForm ?? {},
      fieldErrors: Object.fromEntries(errors.map((error) => [error.field, error.text])),
      errorList: errors.map((error) => ({ text: error.text, href: `#${error.field}` })),
    });
  }
}
