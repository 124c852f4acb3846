import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/**
 * The built single-page app: hashed assets under /assets are immutable; every other GET that is
 * not a file answers index.html, so deep links (/assign-user/<name>, /devices/<id>) load the app,
 * which routes them itself. index.html is never cached, so a new build is picked up at once.
 */
export function appRoutes(distDir: string): Router {
  const router = Router();
  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  router.use(express.static(distDir, { index: false, maxAge: 0 }));
  router.get(/^\/(?!api\/|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
