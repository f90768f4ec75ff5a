import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import { correlationMiddleware, createServiceLogger, httpLoggingMiddleware, ServiceLogger } from '#platform';
import { forwardedForMiddleware } from './api/forwarded-for.js';
import { PageApi } from './api/page-api.js';
import { configureViews } from './layout/nunjucks.js';
import { cspNonce, pageLocals } from './layout/page-locals.middleware.js';
import { projectRoot } from './layout/project-root.js';
import { CsrfCheck, csrfProtection } from './session/csrf.js';
import { SessionStore } from './session/session.middleware.js';
import type { WebConfig } from './web.config.js';
import { WebModule } from './web.module.js';

function serveAssets(app: Express): void {
  const root = projectRoot();
  const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk');
  const options = { maxAge: '1h', fallthrough: false, index: false } as const;
  app.get('/assets/govuk-frontend.min.js', (_request, response) =>
    response.sendFile(join(govuk, 'govuk-frontend.min.js'), { maxAge: '1h' }),
  );
  app.get('/assets/guichet.css', (_request, response) =>
    response.sendFile(join(root, 'dist', 'apps', 'web', 'assets', 'guichet.css'), { maxAge: '1h' }),
  );
  app.get('/assets/init.js', (_request, response) =>
    response.sendFile(join(root, 'apps', 'web', 'assets', 'init.js'), { maxAge: '1h' }),
  );
  app.use('/assets/departement', express.static(join(root, 'apps', 'web', 'assets', 'departement'), options));
}

/** Security headers: a strict CSP (scripts from this site, the template's one inline line by nonce), no framing. */
function securityHeaders(config: WebConfig) {
  const issuer = new URL(config.OIDC_ISSUER).origin;
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [
          "'self'",
          (_request, response) => `'nonce-${(response as express.Response).locals.cspNonce}'`,
        ],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'", issuer],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.PUBLIC_BASE_URL.startsWith('https:') ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.PUBLIC_BASE_URL.startsWith('https:'),
  });
}

/** The web application: Nest + Express, Nunjucks over GOV.UK Frontend, session cookie, CSRF, security headers. */
export async function createWebApp(config: WebConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(WebModule.forConfig(config), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  const logger = createServiceLogger('web', config.LOG_LEVEL, `${process.pid}`);
  app.useLogger(new ServiceLogger(logger));
  const express_ = app.getHttpAdapter().getInstance() as Express;
  express_.disable('x-powered-by');
  express_.set('trust proxy', 'loopback');
  configureViews(express_, config);
  const secure = config.PUBLIC_BASE_URL.startsWith('https:');
  const sessions = app.get(SessionStore);
  const csrf = csrfProtection(config.SESSION_SECRET, secure);
  app.use(correlationMiddleware);
  app.use(forwardedForMiddleware);
  app.use(httpLoggingMiddleware(logger));
  app.use(cspNonce);
  app.use(securityHeaders(config));
  serveAssets(express_);
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }));
  app.use(cookieParser());
  app.use(sessions.middleware());
  app.use(pageLocals(app.get(PageApi), csrf.generateCsrfToken));
  // A form posted without its token (or with another session's) gets the 403 page, never an action.
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    // A file sent with its form (multipart) is read by its route first, which then checks the token itself.
    if (request.is('multipart/form-data')) return next();
    return csrf.doubleCsrfProtection(request, response, (error?: unknown) => {
      if (!error) return next();
      response
        .status(403)
        .render('errors/forbidden', { ...response.locals, title: 'Accès refusé', csrf: true });
    });
  });
  app.get(CsrfCheck).use(csrf.validateRequest);
  app.enableShutdownHooks();
  return app;
}
