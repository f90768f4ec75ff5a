import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageError } from '../errors/page-errors.js';
import { SealedCookie } from '../session/sealed-cookie.js';
import { type SessionRequest, SessionStore } from '../session/session.middleware.js';
import type { WebConfig } from '../web.config.js';
import { WEB_CONFIG } from '../web.tokens.js';
import { type Audience, OidcClient, type SignInTransaction } from './oidc-client.js';
import { safeReturnPath } from './return-path.js';

const TRANSACTION_COOKIE = 'guichet_signin';
const TRANSACTION_SECONDS = 600;

/** Signing in and out: the choice page, the round trip to the provider, and the way back. */
@Controller()
export class SignInController {
  private readonly transactions: SealedCookie<SignInTransaction>;

  constructor(
    private readonly oidc: OidcClient,
    private readonly sessions: SessionStore,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {
    this.transactions = new SealedCookie<SignInTransaction>(config.SESSION_SECRET, 'sign-in');
  }

  @Get('connexion')
  page(@Query('retour') returnTo: unknown, @Res() response: Response): void {
    response.render('sign-in/choose', {
      title: 'Se connecter',
      returnTo: safeReturnPath(returnTo),
    });
  }

  @Get('connexion/franceconnect')
  citizen(@Query('retour') returnTo: unknown, @Res() response: Response): Promise<void> {
    return this.start('citizen', returnTo, response);
  }

  @Get('connexion/agent')
  staff(@Query('retour') returnTo: unknown, @Res() response: Response): Promise<void> {
    return this.start('staff', returnTo, response);
  }

  private async start(who: Audience, returnTo: unknown, response: Response): Promise<void> {
    const { url, transaction } = await this.oidc.start(who, safeReturnPath(returnTo));
    response.cookie(TRANSACTION_COOKIE, await this.transactions.seal(transaction, TRANSACTION_SECONDS), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure(),
      path: '/connexion',
      maxAge: TRANSACTION_SECONDS * 1000,
    });
    response.redirect(303, url);
  }

  @Get('connexion/retour')
  async callback(@Req() request: SessionRequest, @Res() response: Response): Promise<void> {
    const cookies = (request as Request & { cookies?: Record<string, string> }).cookies ?? {};
    const transaction = await this.transactions.open(cookies[TRANSACTION_COOKIE]);
    response.clearCookie(TRANSACTION_COOKIE, { path: '/connexion' });
    if (!transaction || typeof request.query.error === 'string') {
      response.status(400).render('sign-in/failed', { title: 'La connexion n’a pas abouti' });
      return;
    }
    let session;
    try {
      session = await this.oidc.finish(request.originalUrl, transaction);
    } catch (error) {
      if (error instanceof PageError) throw error;
      response.status(400).render('sign-in/failed', { title: 'La connexion n’a pas abouti' });
      return;
    }
    await this.sessions.save(response, session);
    response.redirect(303, transaction.returnTo);
  }

  @Post('deconnexion')
  async signOut(@Req() request: SessionRequest, @Res() response: Response): Promise<void> {
    const idToken = request.webSession.idToken;
    await this.sessions.save(response, { sid: request.webSession.sid });
    response.redirect(303, await this.oidc.endSessionUrl(idToken));
  }

  private secure(): boolean {
    return this.config.PUBLIC_BASE_URL.startsWith('https:');
  }
}
