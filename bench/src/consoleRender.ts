/**
 * The console in a real browser (issue 11): how long an administrator waits for the FIDO Keys
 * list with 64 keys, and how long a gateway progress frame takes to reach the screen, against
 * the frame budget of 16 ms.
 *
 * Part 1: after one sign-in, the console is opened again (page.goto) N times. The session is
 * held in memory only, so every opening is what an administrator gets: the app loads, goes to
 * the OpenID provider (which still knows the browser and sends it straight back), loads again
 * on the callback, exchanges the code, asks the gateway for the keys and renders them. The end
 * is the first animation frame in which all 64 rows of "Connected keys" are laid out (checked
 * in the page on every requestAnimationFrame), plus the task that runs after that frame's paint.
 * The split comes from the page's own clock (navigation start of the callback document,
 * Resource Timing of GET /devices); page and Node clocks are matched on every reading.
 *
 * Part 2: "Configure all connected keys" through the dialog (the dialog follows only sessions
 * it started), stop-when-done, every key with modelled hardware latency so frames arrive as
 * they would from real keys. For every SSE frame of /sessions/{id}/events, the page records:
 *   received: when the chunk reaches page JavaScript (a pass-through TransformStream on the
 *     response of that one fetch, before the app's own parser sees it — a chunk the network
 *     delivered while the main thread was busy is stamped late, so this under-reports by the
 *     time the main thread was blocked);
 *   in DOM: the first MutationObserver callback in which the key's row shows the frame's state
 *     (the text the app renders for it, from the console's en.ts);
 *   painted: a task posted from the next requestAnimationFrame, i.e. after that frame's
 *     style, layout and paint on the main thread (compositing is not seen from the page).
 * A frame overtaken by a later frame for the same key before React rendered it (batching) is
 * counted as coalesced and timed by when its successor appeared; a frame that changes nothing
 * visible (same state and step) cannot be seen in the DOM and is only counted. Long animation
 * frames (≥ 50 ms, Chromium's long-animation-frame entries) are listed too. The observers cost
 * main-thread time themselves; their total is printed.
 *
 * Real parts: the whole stack of the browser tests (test/browser/support/stack.ts: nats-server,
 * the database, the dev OpenID provider, policy, identity, reporting, the device gateway with
 * virtual keys, the console serving the built app, each its own process) and Debian's Chromium,
 * headless, through playwright-core — all on this machine, so the load it reports matters.
 *
 * Reproduce:  npm run bench -- console            (or: node --import tsx bench/src/consoleRender.ts)
 *             optional args: <keys, default 64> <navigations, default 10>
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEV_USERS } from '../../deploy/src/devIssuer.ts';
import { en } from '../../services/console/app/src/i18n/en.ts';
import {
  fidoKeysHeading,
  launchBrowser,
  STEP_TIMEOUT_MS,
  visible,
} from '../../test/browser/support/browser.ts';
import { type ConsoleStack, startConsoleStack } from '../../test/browser/support/stack.ts';

const KEYS = Number(process.argv[2] ?? 64);
const NAVIGATIONS = Number(process.argv[3] ?? 10);
const FRAME_BUDGET_MS = 16;
/** The gateway benchmark's latency profile (ms per CTAP command), so keys take device time. */
const SIM_LATENCY = 'getInfo=10,clientPin=40,config=40';
const SESSION_TIMEOUT_MS = 300_000;

// ---- in the page --------------------------------------------------------------------------
// These functions run in Chromium (serialized by Playwright): self-contained, arguments only.
// The bench compiles without the DOM library, so the few browser APIs used are declared here.

interface PageElement {
  readonly nodeType: number;
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentElement: PageElement | null;
  getClientRects(): { length: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  closest(selector: string): PageElement | null;
}
interface PageMutationRecord {
  readonly target: PageElement;
}
interface PagePort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
}
interface PageTimingEntry {
  readonly name: string;
  readonly startTime: number;
  readonly duration: number;
  readonly responseEnd: number;
  readonly blockingDuration?: number;
}
interface PageGlobals {
  location: { origin: string };
  document: {
    body: PageElement;
    querySelector(selector: string): PageElement | null;
    getElementById(id: string): PageElement | null;
  };
  performance: {
    now(): number;
    readonly timeOrigin: number;
    getEntriesByType(type: string): PageTimingEntry[];
  };
  requestAnimationFrame(callback: () => void): number;
  MessageChannel: new () => { port1: PagePort; port2: PagePort };
  MutationObserver: new (
    callback: (records: PageMutationRecord[]) => void,
  ) => {
    observe(
      target: PageElement,
      options: { subtree: boolean; childList: boolean; characterData: boolean },
    ): void;
    disconnect(): void;
  };
  PerformanceObserver: new (
    callback: (list: { getEntries(): PageTimingEntry[] }) => void,
  ) => { observe(options: { type: string }): void; disconnect(): void };
  fetch: typeof fetch;
  __benchNav?: NavRecord;
  __benchSession?: SessionRecord;
}

/** What one console document recorded of its own rendering (page clock, ms). */
interface NavRecord {
  timeOrigin: number;
  devicesStart?: number;
  devicesEnd?: number;
  /** The requestAnimationFrame in which all rows were laid out (before that frame's paint). */
  rowsInFrame?: number;
  /** The task after that frame's paint. */
  rowsPainted?: number;
}

/**
 * Init script of every document: on the console's origin, checks on each animation frame
 * whether the list shows `keys` laid-out rows, and records when (and GET /devices' timing).
 */
function recordListRender(arg: { origin: string; gatewayOrigin: string; keys: number }): void {
  const g = globalThis as unknown as PageGlobals;
  if (g.location.origin !== arg.origin) return;
  const rec: NavRecord = { timeOrigin: g.performance.timeOrigin };
  g.__benchNav = rec;
  const rowsShown = (): number => {
    const list = g.document.querySelector('ul[aria-label="Connected keys"]');
    if (!list) return 0;
    const rows = Array.from(list.querySelectorAll(':scope > li'));
    return rows.filter(
      (li) => li.getClientRects().length > 0 && (li.textContent ?? '').includes('Serial '),
    ).length;
  };
  const tick = (): void => {
    if (rowsShown() < arg.keys) {
      g.requestAnimationFrame(tick);
      return;
    }
    rec.rowsInFrame = g.performance.now();
    const channel = new g.MessageChannel();
    channel.port1.onmessage = () => {
      const devices = g.performance
        .getEntriesByType('resource')
        .filter((e) => {
          const u = new URL(e.name);
          return u.origin === arg.gatewayOrigin && u.pathname === '/devices';
        })
        .filter((e) => e.responseEnd > 0 && e.responseEnd <= (rec.rowsInFrame ?? 0))
        .at(-1);
      if (devices) {
        rec.devicesStart = devices.startTime;
        rec.devicesEnd = devices.responseEnd;
      }
      rec.rowsPainted = g.performance.now();
    };
    channel.port2.postMessage(0);
  };
  g.requestAnimationFrame(tick);
}

/** One SSE frame of the session stream, as the page saw it (page clock, ms). */
interface FrameRecord {
  kind: 'snapshot' | 'key' | 'session';
  serial?: string;
  expected?: string;
  received: number;
  /** 'unchanged': the same text as the key's previous frame, nothing visible to wait for. */
  outcome?: 'shown' | 'coalesced' | 'unchanged';
  inDom?: number;
  painted?: number;
}
interface SessionRecord {
  frames: FrameRecord[];
  longFrames: { start: number; duration: number; blocking: number }[];
  rafIntervals: number[];
  observerMs: number;
  observerCalls: number;
  /** Keys whose row showed something no frame predicted (a mismatch of this bench's texts). */
  unmatched: Record<string, string>;
  done: boolean;
}

/**
 * Installed just before the session starts: taps the session stream's fetch, watches the DOM
 * for each frame's state and measures the page's animation-frame interval.
 */
function recordSessionFrames(arg: { runState: Record<string, string>; completed: string }): void {
  const g = globalThis as unknown as PageGlobals;
  const rec: SessionRecord = {
    frames: [],
    longFrames: [],
    rafIntervals: [],
    observerMs: 0,
    observerCalls: 0,
    unmatched: {},
    done: false,
  };
  g.__benchSession = rec;
  interface Run {
    serial: string;
    state: string;
    step?: string;
    error?: { message: string };
  }
  const textOf = (run: Run): string =>
    `${(arg.runState[run.state] ?? run.state).replace('{{step}}', String(run.step ?? ''))}${run.error ? ` — ${run.error.message}` : ''}`.trim();
  const pending = new Map<string, FrameRecord[]>();
  const last = new Map<string, string>();
  let snapshot: FrameRecord | undefined;
  let snapshotTexts: Map<string, string> | undefined;
  let sessionEnd: FrameRecord | undefined;
  let toPaint: FrameRecord[] = [];

  const onFrame = (block: string, received: number): void => {
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trimStart();
    }
    if (!data) return; // a keepalive comment
    const body = JSON.parse(data) as Run & { keys?: Run[] };
    if (event === 'snapshot') {
      snapshot = { kind: 'snapshot', received };
      snapshotTexts = new Map((body.keys ?? []).map((k) => [k.serial, textOf(k)]));
      for (const [serial, text] of snapshotTexts) last.set(serial, text);
      rec.frames.push(snapshot);
    } else if (event === 'key') {
      const frame: FrameRecord = {
        kind: 'key',
        serial: body.serial,
        expected: textOf(body),
        received,
      };
      rec.frames.push(frame);
      if (last.get(body.serial) === frame.expected) {
        frame.outcome = 'unchanged';
        return;
      }
      last.set(body.serial, frame.expected!);
      pending.set(body.serial, [...(pending.get(body.serial) ?? []), frame]);
    } else if (event === 'session') {
      sessionEnd = { kind: 'session', received };
      rec.frames.push(sessionEnd);
    }
  };

  const realFetch = g.fetch;
  g.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/sessions\/[^/]+\/events$/.test(new URL(url).pathname) || !response.body) {
      return response;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    const tap = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const received = g.performance.now();
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          onFrame(buffer.slice(0, end), received);
          buffer = buffer.slice(end + 2);
        }
        controller.enqueue(chunk); // the app's parser sees the chunk after it is stamped
      },
    });
    return new Response(response.body.pipeThrough(tap), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  const rowOf = (serial: string): PageElement | null =>
    g.document.getElementById(`run-${serial}`)?.closest('li') ?? null;
  const statusText = (row: PageElement): string =>
    (row.querySelector('[role="status"]')?.textContent ?? '').trim();

  const observer = new g.MutationObserver((records) => {
    const now = g.performance.now();
    const touched = new Set<PageElement>();
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const row = el?.closest('li');
      if (row) touched.add(row);
    }
    const resolved: FrameRecord[] = [];
    if (snapshot && snapshot.inDom === undefined && snapshotTexts) {
      const all = [...snapshotTexts].every(([serial, text]) => {
        const row = rowOf(serial);
        return row !== null && statusText(row) === text;
      });
      if (all) {
        snapshot.inDom = now;
        resolved.push(snapshot);
      }
    }
    for (const [serial, frames] of pending) {
      const row = rowOf(serial);
      if (!row || !touched.has(row)) continue;
      const text = statusText(row);
      let shown = -1;
      for (let i = frames.length - 1; i >= 0 && shown < 0; i -= 1)
        if (frames[i]!.expected === text) shown = i;
      if (shown < 0) {
        rec.unmatched[serial] = `${text} (frames: ${frames.map((f) => f.expected).join(' | ')})`;
        continue;
      }
      for (const [i, f] of frames.slice(0, shown + 1).entries()) {
        f.outcome = i === shown ? 'shown' : 'coalesced';
        f.inDom = now;
        resolved.push(f);
      }
      if (shown === frames.length - 1) pending.delete(serial);
      else pending.set(serial, frames.slice(shown + 1));
    }
    if (sessionEnd && sessionEnd.inDom === undefined) {
      if ((g.document.body.textContent ?? '').includes(arg.completed)) {
        sessionEnd.inDom = now;
        resolved.push(sessionEnd);
      }
    }
    if (resolved.length > 0) {
      if (toPaint.length === 0) {
        g.requestAnimationFrame(() => {
          const channel = new g.MessageChannel();
          channel.port1.onmessage = () => {
            const painted = g.performance.now();
            for (const f of toPaint) f.painted = painted;
            toPaint = [];
            if (sessionEnd?.painted !== undefined) {
              observer.disconnect();
              loaf.disconnect();
              rec.done = true;
            }
          };
          channel.port2.postMessage(0);
        });
      }
      toPaint.push(...resolved);
    }
    rec.observerCalls += 1;
    rec.observerMs += g.performance.now() - now;
  });
  observer.observe(g.document.body, { subtree: true, childList: true, characterData: true });

  const loaf = new g.PerformanceObserver((list) => {
    for (const e of list.getEntries())
      rec.longFrames.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration ?? 0,
      });
  });
  loaf.observe({ type: 'long-animation-frame' });

  // The page's own frame pacing (headless Chromium's BeginFrame rate), for the budget's sake.
  let previous = g.performance.now();
  const sample = (): void => {
    const now = g.performance.now();
    rec.rafIntervals.push(now - previous);
    previous = now;
    if (rec.rafIntervals.length < 60) g.requestAnimationFrame(sample);
  };
  g.requestAnimationFrame(sample);
}

// ---- in Node ------------------------------------------------------------------------------

/** Node's clock as milliseconds since the epoch, like the page's timeOrigin + now(). */
const epochNow = (): number => performance.timeOrigin + performance.now();

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '—').padStart(8);
function statsLine(label: string, values: readonly number[], budget = false): string {
  const [p50, p95, max] = [0.5, 0.95, 1].map((p) => percentile(values, p));
  const ratio = budget
    ? `  ×budget ${[p50!, p95!, max!].map((v) => (v / FRAME_BUDGET_MS).toFixed(2)).join(' / ')}` +
      `  within 16 ms: ${((values.filter((v) => v <= FRAME_BUDGET_MS).length / values.length) * 100).toFixed(0)}%`
    : '';
  return `  ${label.padEnd(38)}${ms(p50!)}${ms(p95!)}${ms(max!)}  (n=${values.length})${ratio}`;
}
const header = (): string =>
  `  ${''.padEnd(38)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}  ms`;
const loadLine = (): string =>
  `load average 1/5/15 min: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`;

async function signIn(page: Page, stack: ConsoleStack): Promise<void> {
  const admin = DEV_USERS.find((u) => u.id === 'admin')!;
  const issuerOrigin = new URL(stack.issuer.issuer).origin;
  await page.goto(stack.consoleUrl);
  await page.waitForURL((url) => url.origin === issuerOrigin);
  await page.getByRole('button', { name: admin.name }).click();
  await page.waitForURL((url) => url.origin === new URL(stack.consoleUrl).origin);
  await visible(fidoKeysHeading(page), 'the console after signing in');
}

interface Navigation {
  total: number;
  redirect: number;
  devicesAnswered: number;
  devicesRequest: number;
  render: number;
  clockOffset: number;
}

/** Opens the console once and waits (polling the page's record) until the rows were painted. */
async function navigate(page: Page, consoleUrl: string): Promise<Navigation> {
  const t0 = epochNow();
  await page.goto(consoleUrl, { waitUntil: 'commit' });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const before = epochNow();
    const got = await page
      .evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        const r = g.__benchNav;
        return r?.rowsPainted !== undefined
          ? { rec: r, now: g.performance.timeOrigin + g.performance.now() }
          : undefined;
      })
      .catch(() => undefined); // the document went away mid-call (the sign-in redirects)
    const after = epochNow();
    if (got) {
      // Page epoch minus Node epoch at the same instant (± half the round trip).
      const clockOffset = got.now - (before + after) / 2;
      const start = got.rec.timeOrigin - clockOffset - t0;
      const { devicesStart, devicesEnd, rowsPainted } = got.rec;
      return {
        total: start + rowsPainted!,
        redirect: start,
        devicesAnswered: devicesEnd ?? Number.NaN,
        devicesRequest: devicesEnd !== undefined ? devicesEnd - devicesStart! : Number.NaN,
        render: devicesEnd !== undefined ? rowsPainted! - devicesEnd : Number.NaN,
        clockOffset,
      };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the FIDO Keys list did not show ${KEYS} keys within 60 s of opening the console; the page is at ${page.url()}`,
      );
    }
    await delay(25);
  }
}

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${loadLine()} at start`,
  );
  // Chromium first: a missing browser should fail now, not after the stack's minute of start-up.
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    console.error(`cannot run the console benchmark: ${(error as Error).message}`);
    process.exit(1);
  }
  // The stack names its log directory after the running vitest file (test/browser/support/
  // output.ts); outside vitest there is none, so this file stands in for it.
  expect.setState({ testPath: fileURLToPath(import.meta.url) });
  let stack: ConsoleStack | undefined;
  try {
    const tStack = performance.now();
    stack = await startConsoleStack({
      env: { 'device-gateway': { KEYWARD_SIM_LATENCY: SIM_LATENCY } },
    });
    console.log(
      `stack started in ${((performance.now() - tStack) / 1000).toFixed(1)} s; Chromium ${browser.version()}, headless`,
    );
    for (let i = 0; i < KEYS; i += 1) await stack.plugKey('generic');
    const policy = await stack.createPolicy();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); the
    // functions above are serialized into the page, where __name must exist.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await context.addInitScript(recordListRender, {
      origin: new URL(stack.consoleUrl).origin,
      gatewayOrigin: new URL(stack.gatewayUrl).origin,
      keys: KEYS,
    });
    const errors: string[] = [];
    context.on('weberror', (e) => errors.push(`pageerror: ${e.error().message}`));
    context.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    const page = await context.newPage();
    await signIn(page, stack);

    // ---- Part 1
    await navigate(page, stack.consoleUrl); // warm-up: not counted
    const navs: Navigation[] = [];
    for (let i = 0; i < NAVIGATIONS; i += 1) navs.push(await navigate(page, stack.consoleUrl));
    console.log(
      `\nPart 1 — opening the console → FIDO Keys list with ${KEYS} rows painted (${NAVIGATIONS} openings after one sign-in and one warm-up)`,
    );
    console.log(header());
    console.log(
      statsLine(
        'total: goto → rows painted',
        navs.map((n) => n.total),
      ),
    );
    console.log(
      statsLine(
        '  goto → callback document starts',
        navs.map((n) => n.redirect),
      ),
    );
    console.log(
      statsLine(
        '  callback start → GET /devices answered',
        navs.map((n) => n.devicesAnswered),
      ),
    );
    console.log(
      statsLine(
        '    of which GET /devices?expand=true',
        navs.map((n) => n.devicesRequest),
      ),
    );
    console.log(
      statsLine(
        `  answer → ${KEYS} rows laid out and painted`,
        navs.map((n) => n.render),
      ),
    );
    const offsets = navs.map((n) => Math.abs(n.clockOffset));
    console.log(
      `  (page/Node clock offset, corrected: p50 ${percentile(offsets, 0.5).toFixed(1)} ms, max ${percentile(offsets, 1).toFixed(1)} ms)`,
    );

    // ---- Part 2
    await page.getByRole('button', { name: 'Configure all connected keys' }).click();
    const dialog = page.getByRole('dialog', { name: 'Configure keys' });
    await dialog.getByLabel('Policy').selectOption({ label: policy.name });
    // With keys connected, "The N connected keys, then stop" (stop-when-done) is preselected.
    await dialog.getByRole('button', { name: 'Next' }).click();
    await visible(dialog.getByText(`Policy: ${policy.name}`), 'the configure confirmation');
    await page.evaluate(recordSessionFrames, {
      runState: { ...en.devices.runState },
      completed: en.devices.configure.completed,
    });
    const tSession = performance.now();
    await dialog.getByRole('button', { name: 'Configure', exact: true }).click();
    await dialog.getByText(en.devices.configure.completed).waitFor({ timeout: SESSION_TIMEOUT_MS });
    const sessionSeconds = (performance.now() - tSession) / 1000;
    const deadline = Date.now() + 10_000;
    let rec: SessionRecord | undefined;
    for (;;) {
      rec = await page.evaluate(() => (globalThis as unknown as PageGlobals).__benchSession);
      if (rec?.done || Date.now() > deadline) break;
      await delay(100);
    }
    if (!rec) throw new Error('the page lost the session recorder (did it navigate?)');

    const keyFrames = rec.frames.filter((f) => f.kind === 'key');
    const seen = keyFrames.filter((f) => f.outcome === 'shown' || f.outcome === 'coalesced');
    const shown = seen.filter((f) => f.outcome === 'shown');
    const coalesced = seen.length - shown.length;
    const unchanged = keyFrames.filter((f) => f.outcome === 'unchanged').length;
    const missing = keyFrames.length - seen.length - unchanged;
    const snapshot = rec.frames.find((f) => f.kind === 'snapshot');
    const end = rec.frames.find((f) => f.kind === 'session');
    const first = rec.frames[0]?.received ?? 0;
    const lastFrame = rec.frames.at(-1)?.received ?? 0;
    const spanS = (lastFrame - first) / 1000;
    const burst = (() => {
      // The most frames that arrived within one 16 ms budget.
      const times = rec.frames.map((f) => f.received).sort((a, b) => a - b);
      let best = 0;
      for (let i = 0, j = 0; i < times.length; i += 1) {
        while (times[i]! - times[j]! > FRAME_BUDGET_MS) j += 1;
        best = Math.max(best, i - j + 1);
      }
      return best;
    })();

    console.log(
      `\nPart 2 — session progress frame (SSE) → on screen, frame budget ${FRAME_BUDGET_MS} ms`,
    );
    console.log(
      `  configure of ${KEYS} keys (stop-when-done, latency ${SIM_LATENCY}) took ${sessionSeconds.toFixed(1)} s in the dialog;`,
    );
    console.log(
      `  ${rec.frames.length} frames over ${spanS.toFixed(1)} s (${(rec.frames.length / Math.max(spanS, 0.001)).toFixed(0)}/s, at most ${burst} within ${FRAME_BUDGET_MS} ms)`,
    );
    console.log(
      `  key frames: ${keyFrames.length} = ${shown.length} shown + ${coalesced} coalesced into a later frame + ${unchanged} with no visible change${missing ? ` + ${missing} NEVER SEEN` : ''}`,
    );
    console.log(
      `  page animation-frame interval: p50 ${percentile(rec.rafIntervals, 0.5).toFixed(1)} ms, max ${percentile(rec.rafIntervals, 1).toFixed(1)} ms (${rec.rafIntervals.length} frames at the start)`,
    );
    console.log(header());
    console.log(
      statsLine(
        'key frame received → row in DOM',
        seen.map((f) => f.inDom! - f.received),
        true,
      ),
    );
    const painted = seen.filter((f) => f.painted !== undefined);
    console.log(
      statsLine(
        'key frame received → painted',
        painted.map((f) => f.painted! - f.received),
        true,
      ),
    );
    console.log(
      statsLine(
        '  shown frames only → painted',
        painted.filter((f) => f.outcome === 'shown').map((f) => f.painted! - f.received),
        true,
      ),
    );
    for (const [label, f] of [
      [`snapshot → ${KEYS} rows painted`, snapshot],
      ['session end → "completed" painted', end],
    ] as const) {
      console.log(
        `  ${label.padEnd(38)}${f?.painted !== undefined ? `${(f.painted - f.received).toFixed(1)} ms (in DOM after ${(f.inDom! - f.received).toFixed(1)} ms)` : 'not seen'}`,
      );
    }
    const long = rec.longFrames;
    console.log(
      `  long animation frames (≥ 50 ms) during the session: ${long.length}` +
        (long.length
          ? `, longest ${Math.max(...long.map((l) => l.duration)).toFixed(0)} ms, blocking in total ${long.reduce((a, l) => a + l.blocking, 0).toFixed(0)} ms`
          : ''),
    );
    console.log(
      `  the bench's own MutationObserver: ${rec.observerCalls} calls, ${rec.observerMs.toFixed(0)} ms of main thread in total`,
    );
    const unmatched = Object.entries(rec.unmatched);
    if (missing > 0 || unmatched.length > 0) {
      console.log(
        `  rows showing text no frame predicted (${unmatched.length}), e.g.: ${unmatched
          .slice(0, 3)
          .map(([s, t]) => `${s}: ${t}`)
          .join('; ')}`,
      );
    }
    if (errors.length > 0) {
      console.log(`\nthe browser reported ${errors.length} error(s), e.g.:`);
      for (const e of errors.slice(0, 5)) console.log(`  ${e}`);
    }
    await context.close();
  } finally {
    await stack?.stop();
    await browser.close();
  }
  console.log(
    `\nmachine: ${os.cpus().length} CPUs, ${loadLine()} at the end (browser, stack and bench share it)`,
  );
  console.log(
    `reproduce: npm run bench -- console${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}   (args: <keys, default 64> <navigations, default 10>)`,
  );
}

await main();
process.exit(0);
