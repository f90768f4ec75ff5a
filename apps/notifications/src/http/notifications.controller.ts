import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, type Principal, Roles } from '#platform';
import { DirectoryCopy } from '../recipients/directory-copy.repository.js';
import { InAppService } from './in-app.service.js';
import { MessageIdParam, PageQuery, PreferencesRequest } from './notifications.dto.js';
import { InAppNotificationDoc, InAppNotificationPageDoc } from './notifications.responses.js';
import { ID_PARAM, R400, R401, R403, R404 } from './responses.js';

export const MAX_PAGE_SIZE = Symbol('MAX_PAGE_SIZE');

/** The signed-in person's in-app notifications, and an agent's choice between each e-mail and the daily digest. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiResponse(R401)
@Controller('api/notifications')
export class NotificationsController {
  constructor(
    private readonly inApp: InAppService,
    private readonly directory: DirectoryCopy,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAX_PAGE_SIZE) private readonly maxPageSize: number,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Mes notifications (les plus récentes d’abord), paginées, avec le nombre de non lues',
  })
  @ApiOkResponse({ type: InAppNotificationPageDoc })
  @ApiResponse(R400)
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery) {
    const pageSize = Math.min(query.pageSize ?? 20, this.maxPageSize);
    return this.inApp.list(principal.subject, query.page ?? 1, pageSize);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marque une de mes notifications comme lue' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: InAppNotificationDoc })
  @ApiResponse(R400)
  @ApiResponse(R404)
  read(@CurrentPrincipal() principal: Principal, @Param() params: MessageIdParam) {
    return this.inApp.markRead(principal.subject, params.id);
  }

  @Get('preferences')
  @Roles('agent', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'Mon choix : un courriel par nouveau dossier ou échéance, ou le récapitulatif quotidien',
  })
  @ApiResponse(R403)
  async preferences(@CurrentPrincipal() principal: Principal) {
    return { agentDelivery: await this.directory.delivery(this.dataSource.manager, principal.subject) };
  }

  @Put('preferences')
  @Roles('agent', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'Choisit entre un courriel par nouveau dossier ou échéance et le récapitulatif quotidien',
  })
  @ApiResponse(R400)
  @ApiResponse(R403)
  async setPreferences(@CurrentPrincipal() principal: Principal, @Body() body: PreferencesRequest) {
    await this.directory.setDelivery(this.dataSource.manager, principal.subject, body.agentDelivery);
    return { agentDelivery: body.agentDelivery };
  }
}
