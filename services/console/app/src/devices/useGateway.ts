import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { NetworkError, unwrap } from '../api/errors.ts';
import { readEventStream } from '../api/eventStream.ts';
import type { DeviceList } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';

export const devicesKey = ['gateway', 'devices'] as const;

/** Why the gateway is not connected, as the banner says it. */
export type GatewayProblem = 'not-running' | 'refused' | 'error';

/** The connected keys, expanded (names resolved by the gateway). */
export function useDevices() {
  const api = useApi();
  return useQuery({
    queryKey: devicesKey,
    queryFn: async ({ signal }): Promise<DeviceList> =>
      unwrap(await api.gateway.GET('/devices', { params: { query: { expand: 'true' } }, signal })),
    // The gateway may come up after the page: keep asking, a little slower each time.
    retry: true,
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 10_000),
  });
}

/**
 * A gateway that does not answer may be down or may refuse this console's origin (CORS); an
 * opaque no-cors request tells the two apart: it resolves whenever the server answered at all.
 */
export async function diagnoseGateway(gatewayUrl: string, error: unknown): Promise<GatewayProblem> {
  if (!(error instanceof NetworkError)) return 'error';
  try {
    await fetch(`${gatewayUrl}/healthz`, { mode: 'no-cors', cache: 'no-store' });
    return 'refused';
  } catch {
    return 'not-running';
  }
}

/**
 * Keeps the device list live: the gateway's /devices/events stream says when a key is plugged
 * in, pulled out or changed, and the list is fetched again (bursts debounced). Reconnects with
 * back-off; after a reconnect the list is refetched, since events may have been missed.
 */
export function useLiveDevices(enabled: boolean): { live: boolean } {
  const api = useApi();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const tokenRef = useRef(auth.token);
  tokenRef.current = auth.token;

  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: devicesKey }), 150);
    };
    void (async () => {
      let attempt = 0;
      while (!abort.signal.aborted) {
        try {
          await readEventStream({
            url: `${api.gatewayUrl}/devices/events`,
            token: tokenRef.current(),
            signal: abort.signal,
            onEvent: (event) => {
              attempt = 0;
              setLive(true);
              // The snapshot after a (re)connect also triggers one refetch.
              refetch();
              void event;
            },
          });
        } catch {
          // fall through to the back-off below
        }
        setLive(false);
        // The stream broke: ask for the list, whose answer (or failure) the banner shows.
        refetch();
        if (abort.signal.aborted) return;
        attempt += 1;
        await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt, 10_000)));
      }
    })();
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [enabled, api.gatewayUrl, queryClient]);
  return { live };
}
