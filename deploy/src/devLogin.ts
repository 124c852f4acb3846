import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

/** A person who can sign in to the console at the dev provider; `role` is a built-in role. */
export interface DevUser {
  id: string;
  name: string;
  role: 'administrator' | 'help-desk' | 'device-operator' | 'auditor';
  /** What the role may do, for the login page. */
  may: string;
}

/**
 * The dev provider's users (README "Quick start"): one per built-in role, so every cell of the
 * PIN table can be tried in a browser. Their tokens carry `roles`, which every service maps to
 * permissions (service-kit roles.ts) as it would an Entra ID or Okta token.
 */
export const DEV_USERS = [
  { id: 'admin', name: 'Ada Admin', role: 'administrator', may: 'everything' },
  {
    id: 'helpdesk',
    name: 'Hal Helpdesk',
    role: 'help-desk',
    may: 'everything on keys but the admin PIN',
  },
  {
    id: 'operator',
    name: 'Otto Operator',
    role: 'device-operator',
    may: 'work with keys, but see no PIN',
  },
  { id: 'auditor', name: 'Aud Auditor', role: 'auditor', may: 'read only' },
] as const satisfies readonly DevUser[];

export function devUser(id: string): DevUser | undefined {
  return DEV_USERS.find((u) => u.id === id);
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

/**
 * The provider's interaction pages (oidc-provider leaves them to the host): a login page that
 * offers the dev users, and a consent step that is granted without asking, because the console
 * is the provider's only interactive client. Answers true when it handled the request.
 */
export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const match = INTERACTION.exec((req.url ?? '/').split('?')[0]!);
  if (!match) return false;
  const details = await provider.interactionDetails(req, res);
  if (match[2] && req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    const user = devUser(form.get('user') ?? '');
    if (!user) {
      sendPage(res, 400, loginPage(details.uid, 'Choose one of the users below.'));
      return true;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.id } },
      {
        mergeWithLastSubmission: false,
      },
    );
    return true;
  }
  if (details.prompt.name === 'login') {
    sendPage(res, 200, loginPage(details.uid));
    return true;
  }
  // consent: grant the console what it asked for
  const accountId = details.session?.accountId;
  const clientId = String(details.params.client_id ?? '');
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId });
  if (!grant) throw new Error('the interaction names a grant that is gone');
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
    grant.addResourceScope(resource, scopes.join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    {
      mergeWithLastSubmission: true,
    },
  );
  return true;
}

/** The RP-initiated logout confirmation (no script: the button submits the provider's form). */
export function logoutPage(form: string): string {
  return page(
    'Sign out',
    `<h1>Sign out of Keyward?</h1>
    ${form}
    <button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
  );
}

export function signedOutPage(): string {
  return page('Signed out', '<h1>You have signed out of the Keyward dev provider</h1>');
}

function loginPage(uid: string, problem?: string): string {
  const buttons = DEV_USERS.map(
    (u) =>
      `<li><button type="submit" name="user" value="${u.id}">${escapeHtml(u.name)}</button>
      <span>${escapeHtml(u.role)}: ${escapeHtml(u.may)}</span></li>`,
  ).join('\n');
  return page(
    'Sign in',
    `<h1>Sign in to Keyward</h1>
    <p>Development OpenID provider — choose who you are.</p>
    ${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
    <form method="post" action="/interaction/${escapeHtml(uid)}/login">
      <ul>${buttons}</ul>
    </form>`,
  );
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} — Keyward dev provider</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; color: #151515; }
    ul { list-style: none; padding: 0; }
    li { margin: 0 0 0.75rem; }
    button { font: inherit; padding: 0.5rem 1rem; min-width: 10rem; margin-right: 0.75rem; cursor: pointer; }
    span { color: #4d4d4d; }
  </style>
</head>
<body><main>${body}</main></body>
</html>`;
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The login page needs no script at all.
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 4096) throw new Error('login form too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
