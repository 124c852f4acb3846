import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { DEV_USERS } from '../../../deploy/src/devIssuer.ts';
import { fileOutputDir, fileSafe } from './output.ts';
import type { ConsoleStack } from './stack.ts';

/** A user of the dev OpenID provider's login page. */
export type DevUser = (typeof DEV_USERS)[number];
export type DevUserId = DevUser['id'];

/** Default time a Playwright wait (locator, navigation) may take before it fails the step. */
export const STEP_TIMEOUT_MS = 15_000;
/** Vitest timeout for one browser scenario (pass it to describe or it). */
export const SCENARIO_TIMEOUT_MS = 120_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium, headless, through playwright-core (no browser download). Every launch has
 * its own fresh profile (Playwright's temporary user data dir); every page gets a fresh context.
 */
export async function launchBrowser(): Promise<Browser & AsyncDisposable> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: the browser tests need it. ` +
        'Install the Debian package (`npm run setup`, or `apt-get install chromium`), or set CHROMIUM_PATH.',
    );
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  return Object.assign(browser, { [Symbol.asyncDispose]: () => browser.close() });
}

/** One browser for the test file (beforeAll/afterAll). Returns a getter, valid inside tests. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start (see the beforeAll error)');
    return browser;
  };
}

/** A console message or uncaught page error, as recorded. */
export interface BrowserLogEntry {
  type: string;
  text: string;
  /** The page's URL when it was written. */
  url: string;
}

interface PageRecord {
  stack: ConsoleStack;
  context: BrowserContext;
  log: BrowserLogEntry[];
  allow: readonly (string | RegExp)[];
  /** Tokens the provider's token endpoint handed to the browser (checked by expectNoLeaks). */
  tokens: string[];
  pending: Promise<unknown>[];
}

const records = new WeakMap<Page, PageRecord>();

function recordOf(page: Page): PageRecord {
  const record = records.get(page);
  if (!record) throw new Error('this page was not opened with openConsolePage()');
  return record;
}

/** The stack the page was opened against. */
export function stackOf(page: Page): ConsoleStack {
  return recordOf(page).stack;
}

/** Everything the browser wrote to its console (all pages of the context), in order. */
export function browserLog(page: Page): readonly BrowserLogEntry[] {
  return recordOf(page).log;
}

/** The access, ID and refresh tokens the provider issued to this page's browser context. */
export async function sessionTokens(page: Page): Promise<readonly string[]> {
  const record = recordOf(page);
  await Promise.allSettled(record.pending);
  return record.tokens;
}

export interface OpenConsolePageOptions {
  /**
   * console.error messages and page errors this test expects: a string matches as a substring,
   * a RegExp by test(). Anything else fails the test.
   */
  allowConsoleErrors?: readonly (string | RegExp)[];
}

function allowed(text: string, allow: readonly (string | RegExp)[]): boolean {
  return allow.some((a) => (typeof a === 'string' ? text.includes(a) : a.test(text)));
}

/**
 * A page in a fresh browser context (no cookies or storage) for one test against `stack`. The
 * test fails on any uncaught page error or console.error outside `allowConsoleErrors`; all
 * console output is recorded. When the test ends, the final screen is saved to
 * test/browser/output/<file>/<test name>.png (with <test name>.console.log beside it) and the
 * context is closed.
 */
export async function openConsolePage(
  browser: Browser,
  stack: ConsoleStack,
  options: OpenConsolePageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  const record: PageRecord = {
    stack,
    context,
    log: [],
    allow: options.allowConsoleErrors ?? [],
    tokens: [],
    pending: [],
  };
  context.on('console', (message) => {
    // A failed resource load names only its status; the source says which resource it was.
    const source = message.location().url;
    const text =
      message.type() === 'error' && source && message.text().startsWith('Failed to load resource')
        ? `${message.text()}: ${source}`
        : message.text();
    record.log.push({ type: message.type(), text, url: message.page()?.url() ?? '' });
  });
  context.on('weberror', (error) => {
    const e = error.error();
    record.log.push({
      type: 'pageerror',
      text: `${e.name}: ${e.message}`,
      url: error.page()?.url() ?? '',
    });
  });
  const issuerOrigin = new URL(stack.issuer.issuer).origin;
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== issuerOrigin || response.request().method() !== 'POST') return;
    if (url.pathname !== new URL(stack.issuer.tokenUrl).pathname) return;
    record.pending.push(
      response
        .json()
        .then((body: Record<string, unknown>) => {
          for (const key of ['access_token', 'id_token', 'refresh_token']) {
            if (typeof body[key] === 'string') record.tokens.push(body[key]);
          }
        })
        .catch(() => undefined),
    );
  });
  const page = await context.newPage();
  records.set(page, record);

  onTestFinished(async ({ task }) => {
    const dir = fileOutputDir();
    const base = join(dir, fileSafe(task.fullTestName ?? task.name));
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        `${base}.console.log`,
        record.log.map((e) => `[${e.type}] ${e.text}  (${e.url})`).join('\n'),
      );
      if (!page.isClosed()) await page.screenshot({ path: `${base}.png`, timeout: 10_000 });
    } finally {
      await context.close().catch(() => undefined);
    }
    const unexpected = record.log.filter(
      (e) => (e.type === 'error' || e.type === 'pageerror') && !allowed(e.text, record.allow),
    );
    if (unexpected.length > 0) {
      throw new Error(
        `the browser reported ${unexpected.length} error(s) this test does not allow:\n` +
          unexpected.map((e) => `  [${e.type}] ${e.text}  (at ${e.url})`).join('\n'),
      );
    }
  }, 30_000);
  return page;
}

/** Waits until the locator is visible; the failure says what was expected and where the page was. */
export async function visible(locator: Locator, what: string): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible' });
  } catch (error) {
    const page = locator.page();
    const heading = await page
      .getByRole('heading', { level: 1 })
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => undefined);
    throw new Error(
      `expected ${what} to be visible; the page is at ${page.url()}` +
        `${heading ? ` showing the heading "${heading}"` : ''}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  return locator;
}

function devUser(user: DevUserId | DevUser): DevUser {
  if (typeof user !== 'string') return user;
  const found = DEV_USERS.find((u) => u.id === user);
  if (!found) {
    throw new Error(
      `no dev user "${user}"; DEV_USERS has ${DEV_USERS.map((u) => u.id).join(', ')}`,
    );
  }
  return found;
}

/** The FIDO Keys page's heading: where a sign-in lands. */
export function fidoKeysHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'FIDO Keys', level: 1 });
}

/**
 * Signs in as a dev user the way an administrator does: opens the console (at `path`, default
 * /), is sent to the dev provider's login page, picks the user by the button's accessible name,
 * and waits for the console to show `landing` (default: the FIDO Keys heading).
 */
export async function signIn(
  page: Page,
  user: DevUserId | DevUser,
  options: { path?: string; landing?: (page: Page) => Locator } = {},
): Promise<DevUser> {
  const { stack } = recordOf(page);
  const who = devUser(user);
  const issuerOrigin = new URL(stack.issuer.issuer).origin;
  await page.goto(new URL(options.path ?? '/', stack.consoleUrl).href);
  await page.waitForURL((url) => url.origin === issuerOrigin);
  await page.getByRole('button', { name: who.name }).click();
  await page.waitForURL((url) => url.origin === new URL(stack.consoleUrl).origin);
  await visible(
    (options.landing ?? fidoKeysHeading)(page),
    `the console after signing in as ${who.id}`,
  );
  return who;
}

/** The masthead's user menu toggle, named after the signed-in user. */
export function userMenu(page: Page, user: DevUser): Locator {
  return page.getByRole('banner').getByRole('button', { name: user.name });
}

export interface AxeOptions {
  /** CSS selectors to scan only (default: the whole page). */
  include?: string[];
  exclude?: string[];
  /** Rule ids this scan does not apply, each with a reason in the test. */
  disableRules?: string[];
}

/**
 * Runs axe-core on the page as it is now and fails on every serious or critical violation,
 * listing rule, impact, help and the offending elements. `context` names the screen scanned.
 */
export async function expectNoAxeViolations(
  page: Page,
  context: string,
  options: AxeOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const s of options.include ?? []) builder = builder.include(s);
  for (const s of options.exclude ?? []) builder = builder.exclude(s);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length === 0) return;
  const lines = serious.map(
    (v) =>
      `  ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) => `      ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n\s*/g, '; ') ?? ''}`,
        )
        .join('\n'),
  );
  throw new Error(
    `axe found ${serious.length} serious or critical accessibility violation(s) on ${context} (${page.url()}):\n${lines.join('\n')}`,
  );
}
