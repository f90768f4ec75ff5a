import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageApi } from '../api/page-api.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { adminApi } from './admin-access.js';

/** The index of the admins' tasks. */
@Controller('admin')
export class AdminHomeController {
  constructor(private readonly pages: PageApi) {}

  @Get()
  index(@Req() request: SessionRequest, @Res() response: Response): void {
    adminApi(this.pages, request);
    response.render('admin/index', { title: 'Administration' });
  }
}
