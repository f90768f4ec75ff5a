import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dataOrRefusal, expectData } from '../api/api-answer.js';
import { PageApi } from '../api/page-api.js';
import { type CommuneChoice, type ContactAnswer, communeQuery, contactView } from './contacts.view.js';

/** « Trouver mon contact »: public, a GET form (nothing personal is asked). */
@Controller('contact')
export class ContactsController {
  constructor(private readonly api: PageApi) {}

  @Get()
  async find(
    @Query('commune') communeText: string | undefined,
    @Query('code') communeCode: string | undefined,
    @Query('theme') topic: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const routing = this.api.public().routing;
    const topics = expectData(await routing.GET('/api/contacts/topics')).items;
    const base = { title: 'Trouver mon contact', topics, communeText: communeText ?? '', topic: topic ?? '' };
    if (communeText === undefined && communeCode === undefined) return response.render('contacts/find', base);
    const errors: { text: string; href: string }[] = [];
    const where = communeCode ? { commune: communeCode } : communeQuery(communeText ?? '');
    if (!where) errors.push({ text: 'Indiquez le nom ou le code postal de votre commune', href: '#commune' });
    if (!topic) errors.push({ text: 'Choisissez le sujet de votre question', href: '#theme' });
    if (!where || !topic) return response.status(400).render('contacts/find', { ...base, errorList: errors });
    const answer = dataOrRefusal(
      await routing.GET('/api/contacts', { params: { query: { ...where, topic } } }),
    );
    if ('refusal' in answer) {
      const detail = answer.refusal.details[0];
      const onTopic = detail?.field === 'topic';
      const text = onTopic
        ? 'Choisissez un sujet dans la liste'
        : `Commune : ${detail?.reason ?? answer.refusal.message}`;
      return response.status(400).render('contacts/find', {
        ...base,
        errorList: [{ text, href: onTopic ? '#theme' : '#commune' }],
      });
    }
    const body = answer.data as ContactAnswer | { choices: CommuneChoice[] };
    if ('choices' in body) {
      return response.render('contacts/choose-commune', {
        ...base,
        title: 'Quelle est votre commune ?',
        choices: body.choices,
      });
    }
    response.render('contacts/result', { ...base, title: 'Votre contact', answer: contactView(body) });
  }
}
