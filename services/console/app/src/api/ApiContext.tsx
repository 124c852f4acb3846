import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useAuth } from '../auth/AuthContext.tsx';
import type { ConsoleConfig } from '../config.ts';
import { type ApiClients, createApiClients } from './clients.ts';

const ApiContext = createContext<ApiClients | undefined>(undefined);

export function useApi(): ApiClients {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiProvider>');
  return api;
}

/** The typed clients, carrying the signed-in administrator's token. */
export function ApiProvider(props: { config: ConsoleConfig; children: ReactNode }) {
  const auth = useAuth();
  const { token, markExpired } = auth;
  const clients = useMemo(
    () => createApiClients(props.config, { token, onUnauthorized: markExpired }),
    [props.config, token, markExpired],
  );
  return <ApiContext.Provider value={clients}>{props.children}</ApiContext.Provider>;
}
