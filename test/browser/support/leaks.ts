import type { Page } from 'playwright-core';
import { findLeaks, type KnownSecret } from '../../e2e/support/leakScan.ts';
import { browserLog, sessionTokens, stackOf } from './browser.ts';
import type { StackServiceName } from './stack.ts';

/** What the console origin keeps in the browser, read from the page. */
export interface BrowserStorage {
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  indexedDbNames: string[];
  cookies: { name: string; value: string; domain: string }[];
}

// The page's globals, typed here because this workspace compiles without the DOM library.
interface WebStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}
interface PageGlobals {
  localStorage: WebStorage;
  sessionStorage: WebStorage;
  indexedDB: { databases(): Promise<{ name?: string }[]> };
}

/** localStorage, sessionStorage and IndexedDB database names of the page's origin, and the cookies the browser would send to the console. */
export async function readBrowserStorage(page: Page): Promise<BrowserStorage> {
  const stack = stackOf(page);
  const consoleOrigin = new URL(stack.consoleUrl).origin;
  const at = new URL(page.url()).origin;
  if (at !== consoleOrigin) {
    throw new Error(`the page is at ${page.url()}, not on the console (${consoleOrigin})`);
  }
  const stored = await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    const entries = (s: WebStorage) => {
      const out: Record<string, string> = {};
      for (let i = 0; i < s.length; i += 1) {
        const key = s.key(i);
        if (key !== null) out[key] = s.getItem(key) ?? '';
      }
      return out;
    };
    const dbs = await g.indexedDB.databases();
    return {
      localStorage: entries(g.localStorage),
      sessionStorage: entries(g.sessionStorage),
      indexedDbNames: dbs.map((d) => d.name ?? ''),
    };
  });
  const cookies = (await page.context().cookies(stack.consoleUrl)).map((c) => ({
    name: c.name,
    value: c.value,
    domain: c.domain,
  }));
  return { ...stored, cookies };
}

export interface LeakCheckOptions {
  /** Service processes whose output is scanned too (the console's always is). */
  services?: readonly StackServiceName[];
  /** Also look for the tokens the provider issued to this browser (default true). */
  sessionTokens?: boolean;
}

/**
 * After a flow: fails if any of `secrets` (a PIN, a client secret...) — raw, base64 or
 * base64url at any alignment, or hex (test/e2e/support/leakScan.ts) — is in the console
 * origin's localStorage, sessionStorage, IndexedDB database names or cookies, in anything the
 * browser wrote to its console, or in the console service's output. The session's own tokens
 * are looked for too: they belong in memory, not in storage or logs.
 */
export async function expectNoLeaks(
  page: Page,
  secrets: readonly (string | KnownSecret)[],
  options: LeakCheckOptions = {},
): Promise<void> {
  const stack = stackOf(page);
  const known: KnownSecret[] = secrets.map((s, i) =>
    typeof s === 'string' ? { label: `secret #${i + 1}`, value: s } : s,
  );
  if (options.sessionTokens ?? true) {
    for (const [i, token] of (await sessionTokens(page)).entries()) {
      known.push({ label: `session token #${i + 1}`, value: token });
    }
  }
  const storage = await readBrowserStorage(page);
  const texts = [
    ...Object.entries(storage.localStorage).map(([k, v]) => ({
      where: `localStorage[${k}]`,
      text: `${k}\n${v}`,
    })),
    ...Object.entries(storage.sessionStorage).map(([k, v]) => ({
      where: `sessionStorage[${k}]`,
      text: `${k}\n${v}`,
    })),
    { where: 'IndexedDB database names', text: storage.indexedDbNames.join('\n') },
    ...storage.cookies.map((c) => ({
      where: `cookie ${c.name} (${c.domain})`,
      text: `${c.name}=${c.value}`,
    })),
    {
      where: 'browser console',
      text: browserLog(page)
        .map((e) => e.text)
        .join('\n'),
    },
    ...['console' as const, ...(options.services ?? [])].map((name) => ({
      where: `${name} service output`,
      text: stack.output(name),
    })),
  ];
  const leaks = findLeaks(known, texts);
  if (leaks.length > 0) {
    throw new Error(
      `${leaks.length} secret(s) found where they must not be:\n` +
        leaks.map((l) => `  ${l.secret} as ${l.encoding} in ${l.where}: …${l.excerpt}…`).join('\n'),
    );
  }
}
