import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { pageErrorFor } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PAGE_ID } from '../errors/page-params.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { messagesView, readMessages } from './messages.view.js';

const PAGE_SIZE = 20;

/** The signed-in person's in-app messages: list, mark as read. */
@Controller('messages')
export class MessagesController {
  constructor(private readonly api: PageApi) {}

  @Get()
  async list(
    @Query('page') pageText: string | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.api.signedIn(request);
    const page = Math.max(1, Math.min(1000, Number.parseInt(pageText ?? '1', 10) || 1));
    const answer = await api.notifications.GET('/api/notifications', {
      params: { query: { page, pageSize: PAGE_SIZE } },
    });
    if (!answer.response.ok) throw pageErrorFor(answer.response.status);
    const { items, total, unread } = readMessages(answer.data);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    response.render('messages/list', {
      title: 'Mes messages',
      messages: messagesView(items),
      unread,
      pagination: {
        previous: page > 1 ? { href: `/messages?page=${page - 1}`, text: 'Page précédente' } : undefined,
        next: page < pages ? { href: `/messages?page=${page + 1}`, text: 'Page suivante' } : undefined,
      },
    });
  }

  @Post(':id/lu')
  async markRead(
    @Param('id', PAGE_ID) id: string,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    const { api } = this.api.signedIn(request);
    const answer = await api.notifications.POST('/api/notifications/{id}/read', { params: { path: { id } } });
    if (!answer.response.ok) throw pageErrorFor(answer.response.status);
    response.redirect(303, '/messages');
  }
}
