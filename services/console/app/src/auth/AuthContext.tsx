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

  // The token's own lifetime ends the session even when no call is being made.
  useEffect(() => {
    const timer = setTimeout(markExpired, Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, markExpired]);

  const signInAgain = useCallback(async () => {
    // Opened synchronously in the click, before any await, so popup blockers allow it.
    const popup = window.open('', 'keyward-signin', 'popup,width=560,height=700');
    const abort = new AbortController();
    try {
      const url = await oidc.authorizationUrl({ returnTo: window.location.pathname, popup: true });
      if (!popup)
        throw new Error('the browser blocked the sign-in window; allow pop-ups for this console');
      popup.location.href = url;
      const closed = setInterval(() => {
        if (popup.closed) abort.abort(new Error('the sign-in window was closed'));
      }, 500);
      try {
        const callback = await awaitPopupCallback(abort.signal);
        const { session: renewed } = await oidc.completeSignIn(callback);
        setSession(renewed);
        setExpired(false);
        onRenewed();
      } finally {
        clearInterval(closed);
      }
    } catch (error) {
      popup?.close();
      throw error;
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
