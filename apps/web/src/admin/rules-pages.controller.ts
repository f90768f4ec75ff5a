import { Controller, Get, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { dataOrRefusal, pageErrorFor } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PageError } from '../errors/page-errors.js';
import { CsrfCheck } from '../session/csrf.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { adminApi } from './admin-access.js';
import { ruleErrorSummary, type RuleLineError, ruleLineErrors } from './directory.view.js';

const FIELD = 'rules-file';
/** A rules file is some kilobytes (one line per rule): a larger one is refused next to the field. */
const MAX_BYTES = 5 * 1_048_576;
/** What multer reads at most (beyond it, the request is refused before this page can say why). */
const READ_LIMIT = 25 * 1_048_576;

interface UploadedRulesFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** The routing rules: the current file to download, a new file to upload (all or nothing, every faulty line shown). */
@Controller('admin/regles')
export class RulesPagesController {
  constructor(
    private readonly pages: PageApi,
    private readonly csrf: CsrfCheck,
  ) {}

  @Get()
  show(
    @Query('regles') rules: string | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    adminApi(this.pages, request);
    const count = rules !== undefined && /^\d{1,7}$/.test(rules) ? Number(rules) : undefined;
    this.render(response, { imported: count });
  }

  @Get('regles.csv')
  async download(@Req() request: SessionRequest, @Res() response: Response) {
    const api = adminApi(this.pages, request);
    const answer = await api.routing.GET('/api/directory/rules.csv', { parseAs: 'text' });
    if (!answer.response.ok || typeof answer.data !== 'string') throw pageErrorFor(answer.response.status);
    response
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="regles-orientation.csv"')
      .set('Cache-Control', 'no-store')
      .send(answer.data);
  }

  @Post()
  @UseInterceptors(FileInterceptor('rules', { limits: { fileSize: READ_LIMIT, files: 1, fields: 5 } }))
  async upload(
    @UploadedFile() file: UploadedRulesFile | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ) {
    // The global CSRF check skips multipart bodies: this one is checked once read.
    if (!this.csrf.isValid(request)) throw new PageError('forbidden', 'CSRF on rules');
    const api = adminApi(this.pages, request);
    if (!file || file.size === 0) {
      return this.render(response, {
        errors: [{ line: undefined, reason: 'Choisissez le fichier CSV des règles' }],
      });
    }
    if (file.size > MAX_BYTES) {
      return this.render(response, {
        errors: [{ line: undefined, reason: 'Le fichier doit peser moins de 5 Mo' }],
      });
    }
    const csv = file.buffer.toString('utf8');
    const answer = dataOrRefusal(
      await api.routing.PUT('/api/directory/rules.csv', {
        body: csv,
        bodySerializer: (body: string) => body,
        headers: { 'Content-Type': 'text/csv' },
      }),
    );
    if ('refusal' in answer) {
      return this.render(response, {
        errors: ruleLineErrors(answer.refusal.details, answer.refusal.message),
      });
    }
    response.redirect(303, `/admin/regles?regles=${answer.data.rules ?? 0}`);
  }

  private render(response: Response, state: { imported?: number; errors?: RuleLineError[] }) {
    const errors = state.errors ?? [];
    const numbered = errors.filter((error) => error.line !== undefined);
    response.status(errors.length > 0 ? 400 : 200).render('admin/rules', {
      title: 'Règles d’orientation',
      backLink: { href: '/admin', text: 'Administration' },
      imported: state.imported,
      field: FIELD,
      errorList: ruleErrorSummary(errors, FIELD),
      fieldError:
        errors.length === 0
          ? undefined
          : numbered.length > 0
            ? `Le fichier a ${numbered.length} ligne${numbered.length > 1 ? 's' : ''} fautive${numbered.length > 1 ? 's' : ''} : aucune règle n’a été changée`
            : errors[0].reason,
      lineRows: numbered.map((error) => [{ text: String(error.line) }, { text: error.reason }]),
    });
  }
}
