/**
 * A real browser for the web-page tests: Debian's Chromium driven by playwright-core, started
 * for a closed network (no background services, and no host but 127.0.0.1 resolves). Every
 * request, console error and page error is recorded so a test can assert that nothing left the
 * machine and nothing broke.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Where Chromium is: CHROMIUM_PATH, else Debian's package. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts');

/**
 * Skips the suite, saying why, where Chromium is not installed (a fresh machine). .ci/run installs
 * it and sets CAIRN_BROWSER_TESTS=required, so that there a missing browser fails instead.
 */
export function skipWithoutChromium(context: Mocha.Context): void {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.env.CAIRN_BROWSER_TESTS === 'required') throw new Error(`CAIRN_BROWSER_TESTS=required, but there is no Chromium at ${CHROMIUM}.`);
  console.log(`    Skipping the browser tests: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`);
  context.skip();
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', // CI containers run as root, where Chromium's sandbox cannot start
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      // A closed network: any other host fails to resolve, so a stray request cannot succeed.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the pages and their workers asked for. */
  requests: string[];
  /** Console errors (CSP violations included), uncaught page errors and failed responses but those listed as expected. */
  problems: string[];
}

export async function openSession(browser: Browser, options: { width?: number; height?: number; token?: string; today?: string; expectedFailures?: string[] } = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  if (options.token) await context.addInitScript(`localStorage.setItem('cairn.token', ${JSON.stringify(options.token)})`);
  const page = await context.newPage();
  // The browser's calendar follows the server's fixed "today" (the dashboard's default as-of).
  if (options.today) await page.clock.setFixedTime(new Date(`${options.today}T12:00:00`));
  page.on('console', (message) => {
    // Failed responses are reported below with their URL and status, which says more.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !(options.expectedFailures ?? []).includes(`${response.status()} ${new URL(response.url()).pathname}`)) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, requests, problems };
}

/** The requests that went anywhere but the server's own origin (data: and blob: stay in the page). */
export function foreignRequests(requests: string[], serverUrl: string): string[] {
  const origin = new URL(serverUrl).origin;
  return requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A picture for the README (docs/NAME.png, the visible part of the page), rewritten only on purpose with UPDATE_SCREENSHOTS=1: fonts differ between machines. */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.resolve(__dirname, '..', '..', '..', 'docs', `${name}.png`) });
}

/**
 * After a test: a screenshot of where it ended (test-artifacts/PREFIX-title.png), the browser
 * context closed, and, for a test that passed, no console or page error, no failed request and no
 * request to another host.
 */
export async function endSession(test: Mocha.Context, session: Session | undefined, prefix: string, serverUrl: string): Promise<void> {
  if (!session) return;
  await screenshot(session.page, `${prefix}-${test.currentTest?.title.replace(/\W+/g, '-').slice(0, 80)}`);
  await session.context.close();
  if (test.currentTest?.state === 'passed') {
    expect(session.problems, 'console errors, page errors or failed requests').to.deep.equal([]);
    expect(foreignRequests(session.requests, serverUrl), 'requests to other hosts').to.deep.equal([]);
  }
}
