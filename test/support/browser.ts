import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSmtp, type TestSmtp } from '#testing';
import { axeViolations, launchChromium } from '../../libs/testing/src/browser/chromium.js';
import { type RunningPlatform, startPlatform } from './platform.js';

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
  options: { javaScriptEnabled?: boolean; width?: number; headers?: Record<string, string> } = {},
): Promise<BrowserSession> {
  const context = await browser.newContext({
    extraHTTPHeaders: options.headers,
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

/** What a browser test file shares: the platform with its pages, a Chromium, the axe audit, an SMTP server. */
export interface WebRig {
  readonly platform: RunningPlatform;
  readonly browser: Browser;
  readonly smtp: TestSmtp;
  readonly audit: AccessibilityAudit;
}

/**
 * Starts, for one test file, the five services, the identity provider and the pages (startPlatform with `web`), an
 * SMTP server when asked, and Chromium; stops them after the file and prints the pages axe checked.
 */
export function webRig(
  label: string,
  options: {
    smtp?: boolean;
    identityEnvironment?: Record<string, string>;
    edgeEnvironment?: Record<string, string>;
  } = {},
): WebRig {
  let platform: RunningPlatform | undefined;
  let browser: Browser | undefined;
  let smtp: TestSmtp | undefined;
  const audit = new AccessibilityAudit();
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (used outside the tests?)`);
    return value;
  };
  beforeAll(async () => {
    if (options.smtp) smtp = await startTestSmtp();
    platform = await startPlatform(label, {
      web: true,
      smtpUrl: smtp?.url,
      identityEnvironment: options.identityEnvironment,
      edgeEnvironment: options.edgeEnvironment,
    });
    browser = await launchChromium();
    audit.useMirror(await (await browser.newContext()).newPage());
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await smtp?.stop();
    process.stdout.write(
      `Pages vérifiées par axe-core : ${audit.checked.size}\n${[...audit.checked].sort().join('\n')}\n`,
    );
  });
  return {
    get platform() {
      return started(platform, 'the platform');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    get smtp() {
      return started(smtp, 'the SMTP server');
    },
    audit,
  };
}
