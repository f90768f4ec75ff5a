import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dataOrRefusal } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import type { PostedBody } from '../forms/form-submission.js';
import { estimateView, readSimulator } from './simulator.view.js';

/** The APA simulator: ceiling, participation and amount from the national scale (public). */
@Controller('simulateur-apa')
export class SimulatorController {
  constructor(private readonly api: PageApi) {}

  @Get()
  form(@Res() response: Response): void {
    response.render('simulator/simulator', { title: 'Estimer l’APA à domicile', values: {} });
  }

  @Post()
  async estimate(@Body() body: PostedBody, @Res() response: Response): Promise<void> {
    const { input, errors } = readSimulator(body);
    const page = { title: 'Estimer l’APA à domicile', values: body };
    if (!input) {
      return response.status(400).render('simulator/simulator', {
        ...page,
        errors: Object.fromEntries(errors.map((error) => [error.path, { text: error.text }])),
        errorList: errors.map((error) => ({ text: error.text, href: `#${error.id}` })),
      });
    }
    const answer = dataOrRefusal(
      await this.api.public().intake.POST('/api/procedures/apa/estimate', { body: input }),
    );
    if ('refusal' in answer) {
      const text =
        answer.refusal.details.map((detail) => detail.reason).join(' ; ') || answer.refusal.message;
      return response
        .status(400)
        .render('simulator/simulator', { ...page, errorList: [{ text, href: '#resources' }] });
    }
    response.render('simulator/simulator', {
      ...page,
      result: {
        estimates: answer.data.estimates.map(estimateView),
        notice: answer.data.notice,
        warning: answer.data.warning,
      },
    });
  }
}
