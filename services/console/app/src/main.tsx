import '@patternfly/react-core/dist/styles/base.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiProvider } from './api/ApiContext.tsx';
import { AuthProvider, consumeSignedOut } from './auth/AuthContext.tsx';
import {
  CALLBACK_PATH,
  handOverPopupCallback,
  isPopupCallback,
  OidcClient,
  type Session,
} from './auth/oidc.ts';
import { SignInPage } from './auth/SignInPage.tsx';
import { loadConfig } from './config.ts';
import { initI18n } from './i18n/i18n.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false },
  },
});

async function start(): Promise<void> {
  const url = new URL(window.location.href);
  // The popup of a "sign in again" round trip: hand the code to the page that asked, and close.
  if (isPopupCallback(url)) {
    handOverPopupCallback(url);
    return;
  }
  await initI18n();
  const root = createRoot(document.getElementById('root')!);
  const config = await loadConfig();
  const oidc = new OidcClient(config.oidc);
  let session: Session | undefined;
  if (url.pathname === CALLBACK_PATH) {
    try {
      const done = await oidc.completeSignIn(url);
      session = done.session;
      window.history.replaceState(null, '', done.returnTo || '/');
    } catch (error) {
      root.render(<SignInPage oidc={oidc} error={error} />);
      return;
    }
  }
  if (!session) {
    if (consumeSignedOut()) {
      root.render(<SignInPage oidc={oidc} signedOut />);
      return;
    }
    // Not signed in: go to the provider now, coming back to this very page.
    window.location.assign(
      await oidc.authorizationUrl({ returnTo: `${url.pathname}${url.search}` }),
    );
    return;
  }
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AuthProvider
          oidc={oidc}
          initial={session}
          onRenewed={() => void queryClient.invalidateQueries()}
        >
          <ApiProvider config={config}>
            <App />
          </ApiProvider>
        </AuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
