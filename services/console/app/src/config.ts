/** What /config.json tells the app (services/console/src/http/configRoutes.ts). */
export interface ConsoleConfig {
  oidc: { issuer: string; clientId: string; scope: string };
  gatewayUrl: string;
  services: Record<string, string>;
  version: string;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
