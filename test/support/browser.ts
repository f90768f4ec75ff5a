import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../../libs/testing/src/browser/chromium.js';

const ID_IN_PATH = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const INTERACTION_ID = /\/interaction\/[^/?#]+/;

/**
 * Every page the journeys visit goes through axe-core (WCAG 2.1 A and AA): `check` fails the test on the first
 * violation, naming the page and the rule. The pages checked are counted by their path (ids replaced).
 */
export class AccessibilityAudit {
  readonly checked = new Set<string>();
  private mirror?: Page;

  /** axe-core runs asynchronously: a page without JavaScript is checked through a copy of its HTML and styles. */
  useMirror(mirror: Page): void {
    this.mirror = mirror;
  }

  private readonly withoutJavaScript = new WeakSet<Page>();

  /** Pages of a browser profile without JavaScript: checked through the mirror. */
  markWithoutJavaScript(page: Page): void {
    this.withoutJavaScript.add(page);
  }

  private async target(page: Page): Promise<Page> {
    if (!this.withoutJavaScript.has(page) || !this.mirror) return page;
    const origin = new URL(page.url()).origin;
    const html = (await page.content()).replace('<head>', `<head><base href="${origin}/">`);
    await this.mirror.setContent(html, { waitUntil: 'load' });
    return this.mirror;
  }

  async check(page: Page): Promise<void> {
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    const key = `${url.port === '' ? url.host : url.host.replace(/:\d+$/, '')}${url.pathname
      .replace(ID_IN_PATH, '/:id')
      .replace(INTERACTION_ID, '/interaction/:uid')}`;
    const violations = await axeViolations(await this.target(page));
    this.checked.add(key);
    expect({ page: key, violations }).toEqual({ page: key, violations: [] });
  }
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Messages of the pages' consoles that say something broke (CSP refusals, script errors). */
  consoleErrors: string[];
}

/** A fresh browser profile (no cookies) on a phone or a desktop, with or without JavaScript. */
export async function openSession(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
): Promise<BrowserSession> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: 'fr-FR',
  });
  // A step that cannot happen fails in seconds, naming what it waited for, rather than at the test's timeout.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon|Failed to load resource/.test(message.text())) {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { context, page, consoleErrors };
}

export { launchChromium };
