import { onlineManager } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { awaitPopupCallback, type OidcClient, type Session } from './oidc.ts';

export interface AuthState {
  session: Session;
  /** The access token is past its lifetime or was refused: calls wait for a new sign-in. */
  expired: boolean;
  /** Current token, undefined once expired (so no call goes out with a dead token). */
  token(): string | undefined;
  markExpired(): void;
  /** Signs in again in a popup; the page and its state stay as they are. */
  signInAgain(): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}

const SIGNED_OUT_KEY = 'keyward.signedOut';
const SIGN_IN_AGAIN_TIMEOUT_MS = 5 * 60_000;

/** True once after a sign-out, so the start page offers "Sign in" instead of signing in again. */
export function consumeSignedOut(): boolean {
  const value = sessionStorage.getItem(SIGNED_OUT_KEY) === '1';
  sessionStorage.removeItem(SIGNED_OUT_KEY);
  return value;
}

export function AuthProvider(props: {
  oidc: OidcClient;
  initial: Session;
  /** Called after a new sign-in, so failed queries run again. */
  onRenewed: () => void;
  children: ReactNode;
}) {
  const { oidc, onRenewed } = props;
  const [session, setSession] = useState(props.initial);
  const [expired, setExpired] = useState(false);
  const current = useRef({ session, expired });
  current.current = { session, expired };

  const markExpired = useCallback(() => setExpired(true), []);

  // While the session is expired, queries and mutations wait as they would offline (TanStack
  // pauses them) instead of failing without a token; they go out once signed in again.
  useEffect(() => {
    onlineManager.setOnline(!expired);
  }, [expired]);

  // The token's own lifetime ends the session even when no call is being made.
  useEffect(() => {
    const timer = setTimeout(markExpired, Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, markExpired]);

  const pendingSignIn = useRef<AbortController | undefined>(undefined);
  const signInAgain = useCallback(async () => {
    // Opened synchronously in the click, before any await, so popup blockers allow it.
    const popup = window.open('', 'keyward-signin', 'popup,width=560,height=700');
    // A second click starts over. `popup.closed` cannot tell when the user gives up: with
    // Cross-Origin-Opener-Policy the popup looks closed as soon as it reaches the provider.
    pendingSignIn.current?.abort(new Error('a new sign-in was started'));
    const abort = new AbortController();
    pendingSignIn.current = abort;
    const timer = setTimeout(
      () => abort.abort(new Error('the sign-in did not finish within 5 minutes; try again')),
      SIGN_IN_AGAIN_TIMEOUT_MS,
    );
    try {
      const url = await oidc.authorizationUrl({ returnTo: window.location.pathname, popup: true });
      if (!popup)
        throw new Error('the browser blocked the sign-in window; allow pop-ups for this console');
      popup.location.href = url;
      const callback = await awaitPopupCallback(abort.signal);
      const { session: renewed } = await oidc.completeSignIn(callback);
      setSession(renewed);
      setExpired(false);
      onRenewed();
    } catch (error) {
      popup?.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }, [oidc, onRenewed]);

  const signOut = useCallback(async () => {
    const url = await oidc.signOutUrl(current.current.session.idToken);
    sessionStorage.setItem(SIGNED_OUT_KEY, '1');
    window.location.assign(url ?? '/');
  }, [oidc]);

  const value = useMemo<AuthState>(
    () => ({
      session,
      expired,
      token: () => {
        const { session: s, expired: e } = current.current;
        if (e || Date.now() >= s.expiresAt) return undefined;
        return s.accessToken;
      },
      markExpired,
      signInAgain,
      signOut,
    }),
    [session, expired, markExpired, signInAgain, signOut],
  );
  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}
