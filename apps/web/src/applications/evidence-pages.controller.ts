import { Controller, Inject, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { dataOrRefusal } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { PageError } from '../errors/page-errors.js';
import { PAGE_ID } from '../errors/page-params.js';
import { CsrfCheck } from '../session/csrf.js';
import type { SessionRequest } from '../session/session.middleware.js';
import type { WebConfig } from '../web.config.js';
import { WEB_CONFIG } from '../web.tokens.js';
import { FilePagesController } from './file-pages.controller.js';

interface UploadedEvidenceFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Evidence for a control: the file read here (size checked), then sent to the API, which checks its type. */
@Controller('dossiers/:id/justificatifs')
export class EvidencePagesController {
  constructor(
    private readonly api: PageApi,
    private readonly csrf: CsrfCheck,
    private readonly files: FilePagesController,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Post()
  @UseInterceptors(FileInterceptor('evidence', { limits: { fileSize: 25 * 1_048_576, files: 1, fields: 5 } }))
  async upload(
    @Param('id', PAGE_ID) id: string,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Req() request: SessionRequest,
    @Res() response: Response,
  ): Promise<void> {
    if (!this.csrf.isValid(request)) throw new PageError('forbidden', 'CSRF on evidence');
    const { api } = this.api.signedIn(request);
    const refuse = (message: string) => this.files.showWithError(response, id, request, 'evidence', message);
    if (!file || file.size === 0) return refuse('Choisissez le fichier du justificatif');
    if (file.size > this.config.EVIDENCE_MAX_BYTES) {
      return refuse(
        `Le fichier doit peser moins de ${Math.floor(this.config.EVIDENCE_MAX_BYTES / 1_048_576)} Mo`,
      );
    }
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.buffer)], { type: file.mimetype }), file.originalname);
    const answer = dataOrRefusal(
      await api.intake.POST('/api/applications/{id}/evidence', {
        params: { path: { id } },
        // The generated type describes the part as a string (format binary): the form is sent as it is.
        body: { file: '' },
        bodySerializer: () => form,
      }),
    );
    if ('refusal' in answer) {
      return refuse(answer.refusal.details[0]?.reason ?? answer.refusal.message);
    }
    response.redirect(303, `/dossiers/${id}?fait=justificatif`);
  }
}
