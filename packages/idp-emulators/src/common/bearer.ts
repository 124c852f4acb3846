import type { NextFunction, Request, Response } from 'express';
import type { Bearer, OAuthServer } from './oauthServer.ts';

/** Rejects requests without a live access token from this emulator's OAuth server. */
export function requireBearer(oauth: OAuthServer, reject: (res: Response) => void) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const bearer = await oauth.bearer(req);
    if (!bearer) {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      reject(res);
      return;
    }
    res.locals.bearer = bearer;
    next();
  };
}

export function bearerOf(res: Response): Bearer {
  return res.locals.bearer as Bearer;
}
