import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiClients } from '#api-client';
import { expectData, type FetchResult, pageErrorFor } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PageError } from '../errors/page-errors.js';
import { PAGE_ID } from '../errors/page-params.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { adminApi } from './admin-access.js';
import {
  DEAD_LETTER_SERVICES,
  type DeadLetterService,
  deadLetterSection,
  failedMessagesView,
  isDeadLetterService,
  readDeadLetters,
  readFailedMessages,
} from './operations.view.js';

const MESSAGES_PAGE_SIZE = 50;

/** The dead letters of one service (each service serves its own, under its own path). */
function listDeadLetters(api: ApiClients, service: DeadLetterService): Promise<FetchResult<unknown>> {
  const query = { params: { query: { status: 'parked' as const } } };
  if (service === 'intake') return api.intake.GET('/api/admin/intake/dead-letters', query);
  if (service === 'routing') return api.routing.GET('/api/admin/routing/dead-letters', query);
  if (service === 'checks') return api.checks.GET('/api/admin/checks/dead-letters', query);
  return api.notifications.GET('/api/admin/notifications/dead-letters', query);
}

function replayOne(api: ApiClients, service: DeadLetterService, id: string): Promise<FetchResult<unknown>> {
  const params = { params: { path: { id } } };
  if (service === 'intake') return api.intake.POST('/api/admin/intake/dead-letters/{id}/replay', params);
  if (service === 'routing') return api.routing.POST('/api/admin/routing/dead-letters/{id}/replay', params);
  if (service === 'checks') return api.checks.POST('/api/admin/checks/dead-letters/{id}/replay', params);
  return api.notifications.POST('/api/admin/notifications/dead-letters/{id}/replay', params);
}

function replayAll(api: ApiClients, service: DeadLetterService): Promise<FetchResult<unknown>> {
  if (service === 'intake') return api.intake.POST('/api/admin/intake/dead-letters/replay');
  if (service === 'routing') return api.routing.POST('/api/admin/routing/dead-letters/replay');
  if (service === 'checks') return api.checks.POST('/api/admin/checks/dead-letters/replay');
  return api.notifications.POST('/api/admin/notifications/dead-letters/replay');
}

function serviceOf(value: string): DeadLetterService {
  if (!isDeadLetterService(value)) throw new PageError('not-found', 'dead-letter service');
  return value;
}

const REPLAYED: Record<string, string> = {
  un: 'Le message a été rejoué.',
  tous: 'Les messages en attente ont été rejoués.',
  echec: 'Le rejeu a échoué : le message reste en attente. Corrigez la cause, puis rejouez-le.',
};

/** The operators' pages: failed e-mails (resend) and dead letters (replay one, replay all). */
@Controller('admin')
export class OperationsPagesController {
  constructor(private readonly pages: PageApi) {}

  @Get('courriels')
  async failedMessages(
    @Query('fait') done: string | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const api = adminApi(this.pages, request);
    const answer = await api.notifications.GET('/api/admin/notifications/messages', {
      params: { query: { pageSize: MESSAGES_PAGE_SIZE } },
    });
    const { items, total } = readFailedMessages(expectData({ ...answer, data: answer.data as unknown }));
    response.render('admin/emails', {
      title: 'Courriels en échec',
      backLink: { href: '/admin', text: 'Administration' },
      done: done === 'renvoye' ? 'Le courriel a été renvoyé : il est de nouveau en file d’envoi.' : undefined,
      messages: failedMessagesView(items),
      total,
    });
  }

  @Post('courriels/:id/renvoyer')
  async resend(@Param('id', PAGE_ID) id: string, @Req() request: SessionRequest, @Res() response: Response) {
    const api = adminApi(this.pages, request);
    const answer = await api.notifications.POST('/api/admin/notifications/messages/{id}/resend', {
      params: { path: { id } },
    });
    // 409: no longer failed (resent by someone else meanwhile): the list shows what is left.
    if (!answer.response.ok && answer.response.status !== 409) throw pageErrorFor(answer.response.status);
    response.redirect(303, '/admin/courriels?fait=renvoye');
  }

  @Get('lettres-mortes')
  async deadLetters(
    @Query('fait') done: string | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const api = adminApi(this.pages, request);
    const sections = await Promise.all(
      DEAD_LETTER_SERVICES.map(async ({ code }) =>
        deadLetterSection(code, readDeadLetters(expectData(await listDeadLetters(api, code)))),
      ),
    );
    response.render('admin/dead-letters', {
      title: 'Lettres mortes',
      backLink: { href: '/admin', text: 'Administration' },
      done: done ? REPLAYED[done] : undefined,
      failed: done === 'echec',
      sections,
    });
  }

  @Post('lettres-mortes/:service/:id/rejouer')
  async replay(
    @Param('service') service: string,
    @Param('id', PAGE_ID) id: string,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const api = adminApi(this.pages, request);
    const answer = await replayOne(api, serviceOf(service), id);
    if (answer.response.status === 409) return response.redirect(303, '/admin/lettres-mortes?fait=echec');
    if (!answer.response.ok) throw pageErrorFor(answer.response.status);
    response.redirect(303, '/admin/lettres-mortes?fait=un');
  }

  @Post('lettres-mortes/:service/rejouer')
  async replayService(
    @Param('service') service: string,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const api = adminApi(this.pages, request);
    const answer = await replayAll(api, serviceOf(service));
    if (!answer.response.ok) throw pageErrorFor(answer.response.status);
    const report = answer.data as { failed?: unknown[] } | undefined;
    response.redirect(303, `/admin/lettres-mortes?fait=${report?.failed?.length ? 'echec' : 'tous'}`);
  }
}
