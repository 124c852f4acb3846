import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { readEventStream } from '../api/eventStream.ts';
import type { KeyRun, SessionView } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';

export interface SessionProgress {
  session: SessionView | undefined;
  /** By serial. */
  keys: Record<string, KeyRun>;
  closed: boolean;
  /** The stream broke and could not be resumed (the gateway went away). */
  lost: boolean;
}

const TERMINAL_SESSION = ['completed', 'stopped'];

/**
 * Follows one gateway session live (its SSE stream): the snapshot, then every key transition;
 * events after the session's final one are dropped. A broken stream is resumed from a new
 * snapshot, so nothing is missed while the page stays open.
 */
export function useSession(sessionId: string | undefined): SessionProgress {
  const api = useApi();
  const auth = useAuth();
  const tokenRef = useRef(auth.token);
  tokenRef.current = auth.token;
  const [progress, setProgress] = useState<SessionProgress>({
    session: undefined,
    keys: {},
    closed: false,
    lost: false,
  });

  useEffect(() => {
    if (!sessionId) return;
    const abort = new AbortController();
    let closed = false;
    void (async () => {
      for (let attempt = 0; !abort.signal.aborted && !closed && attempt < 20; attempt += 1) {
        try {
          await readEventStream({
            url: `${api.gatewayUrl}/sessions/${encodeURIComponent(sessionId)}/events`,
            token: tokenRef.current(),
            signal: abort.signal,
            onEvent: (event) => {
              if (closed) return;
              const data = JSON.parse(event.data) as SessionView & KeyRun;
              if (event.event === 'snapshot') {
                closed = TERMINAL_SESSION.includes(data.state);
                setProgress({
                  session: data,
                  keys: Object.fromEntries(data.keys.map((k) => [k.serial, k])),
                  closed,
                  lost: false,
                });
              } else if (event.event === 'key') {
                setProgress((p) => ({ ...p, keys: { ...p.keys, [data.serial]: data } }));
              } else if (event.event === 'session') {
                closed = true;
                setProgress((p) => ({
                  ...p,
                  session: p.session && { ...p.session, state: data.state },
                  closed: true,
                }));
              }
            },
          });
        } catch {
          // resumed below
        }
        if (closed || abort.signal.aborted) return;
        await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt, 5_000)));
      }
      if (!closed && !abort.signal.aborted) setProgress((p) => ({ ...p, lost: true }));
    })();
    return () => abort.abort();
  }, [sessionId, api.gatewayUrl]);
  return progress;
}

/** A key run that has ended, one way or the other. */
export function isFinished(run: KeyRun | undefined): boolean {
  return run !== undefined && ['succeeded', 'failed', 'interrupted', 'skipped'].includes(run.state);
}
