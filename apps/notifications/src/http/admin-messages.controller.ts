import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { InvalidTransition, NotFound } from '#domain';
import { Clock, Roles } from '#platform';
import { v7 as uuidv7 } from 'uuid';
import { DeliveryWorker } from '../delivery/delivery-worker.js';
import { FAILURE_STATUSES, type MessageStatus } from '../messages/delivery.rules.js';
import { MessagesRepository } from '../messages/messages.repository.js';
import { MAX_PAGE_SIZE } from './notifications.controller.js';
import { AdminMessagesQuery, MessageIdParam } from './notifications.dto.js';
import { ID_PARAM, R400, R401, R403, R404, R409 } from './responses.js';

/** The delivery log for operators: failures (or any status), one message, and resending a failed one (admin). */
@ApiTags('administration : remise des messages')
@ApiBearerAuth()
@ApiResponse(R401)
@ApiResponse(R403)
@Controller('api/admin/notifications/messages')
@Roles('admin')
export class AdminMessagesController {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly worker: DeliveryWorker,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAX_PAGE_SIZE) private readonly maxPageSize: number,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Journal de remise : les échecs par défaut, ou les statuts demandés' })
  @ApiResponse(R400)
  async list(@Query() query: AdminMessagesQuery) {
    const statuses = (query.status?.split(',') as MessageStatus[] | undefined) ?? [...FAILURE_STATUSES];
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, this.maxPageSize);
    const { items, total } = await this.messages.list(
      { statuses, applicationId: query.applicationId },
      page,
      pageSize,
    );
    return { items, page, pageSize, total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Un message : statut, essais, dernière erreur, version du modèle' })
  @ApiParam(ID_PARAM)
  @ApiResponse(R400)
  @ApiResponse(R404)
  async get(@Param() params: MessageIdParam) {
    const message = await this.messages.get(params.id);
    if (!message) throw new NotFound('Message introuvable.', 'MESSAGE_NOT_FOUND');
    return message;
  }

  @Post(':id/resend')
  @HttpCode(201)
  @ApiOperation({ summary: 'Renvoie un message en échec : un nouveau message, copie du premier' })
  @ApiParam(ID_PARAM)
  @ApiResponse(R400)
  @ApiResponse(R404)
  @ApiResponse(R409)
  async resend(@Param() params: MessageIdParam) {
    const newId = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      const rows: { status: MessageStatus }[] = await manager.query(
        'SELECT status FROM notifications.messages WHERE id = $1 FOR UPDATE',
        [params.id],
      );
      if (rows.length === 0) throw new NotFound('Message introuvable.', 'MESSAGE_NOT_FOUND');
      if (!FAILURE_STATUSES.includes(rows[0].status)) {
        throw new InvalidTransition(
          `Seul un message en échec peut être renvoyé (statut : ${rows[0].status}).`,
          'MESSAGE_NOT_FAILED',
        );
      }
      await this.messages.resend(manager, params.id, newId, this.clock.now());
    });
    this.worker.wake();
    return this.messages.get(newId);
  }
}
