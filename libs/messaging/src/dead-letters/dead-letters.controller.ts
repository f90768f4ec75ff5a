import { Controller, Get, HttpCode, Param, Post, Query, type Type } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Roles } from '#platform';
import { DeadLetterReplayer, type ReplayReport } from './dead-letter-replayer.js';
import { type DeadLetter, DeadLetterStore } from './dead-letter.store.js';

export class DeadLetterListQuery {
  @ApiPropertyOptional({ enum: ['parked', 'replayed'] })
  @IsOptional()
  @IsIn(['parked', 'replayed'])
  status?: 'parked' | 'replayed';
}

export class DeadLetterIdParam {
  @IsUUID()
  id: string;
}

/** `/api/admin/<service>/dead-letters`: an operator lists parked messages and replays one or all (admin). */
export function deadLettersController(service: string): Type<unknown> {
  @ApiTags('administration : lettres mortes')
  @Controller(`api/admin/${service}/dead-letters`)
  @Roles('admin')
  class DeadLettersController {
    constructor(
      private readonly store: DeadLetterStore,
      private readonly replayer: DeadLetterReplayer,
    ) {}

    @Get()
    @ApiOperation({ summary: 'Liste les messages mis de côté après échec' })
    async list(@Query() query: DeadLetterListQuery): Promise<{ items: DeadLetter[] }> {
      return { items: await this.store.list(query.status) };
    }

    @Post('replay')
    @HttpCode(200)
    @ApiOperation({ summary: 'Rejoue tous les messages en attente' })
    replayAll(): Promise<ReplayReport> {
      return this.replayer.replayAll();
    }

    @Post(':id/replay')
    @HttpCode(200)
    @ApiOperation({ summary: 'Rejoue un message' })
    async replay(@Param() params: DeadLetterIdParam): Promise<{ id: string; status: 'replayed' }> {
      await this.replayer.replay(params.id);
      return { id: params.id, status: 'replayed' };
    }
  }
  return DeadLettersController;
}
