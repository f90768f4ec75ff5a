import { join } from 'node:path';
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import type { WebConfig } from '../web.config.js';
import { euros, frenchDate, frenchDateTime } from './french-format.js';
import { projectRoot } from './project-root.js';

/** What every page shows of the département (header, titles, footer). */
export interface SiteIdentity {
  departementName: string;
  serviceName: string;
  logoUrl: string;
}

/** Nunjucks over our views and GOV.UK Frontend's macros (`govuk/...`), autoescaped, as Express's view engine. */
export function configureViews(app: Express, config: WebConfig): nunjucks.Environment {
  const root = projectRoot();
  const environment = nunjucks.configure(
    [join(root, 'apps', 'web', 'views'), join(root, 'node_modules', 'govuk-frontend', 'dist')],
    { autoescape: true, express: app, noCache: config.NODE_ENV === 'development', throwOnUndefined: false },
  );
  environment.addFilter('frenchDate', frenchDate);
  environment.addFilter('frenchDateTime', frenchDateTime);
  environment.addFilter('euros', euros);
  const site: SiteIdentity = {
    departementName: config.DEPARTEMENT_NAME,
    serviceName: config.SERVICE_NAME,
    logoUrl: config.DEPARTEMENT_LOGO_URL,
  };
  environment.addGlobal('site', site);
  app.set('view engine', 'njk');
  return environment;
}
