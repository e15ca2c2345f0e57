/**
 * The browser pages, served entirely from this origin (closed networks allow no CDN):
 *
 *   GET /             redirects to the dashboard
 *   GET /dashboard    plan dashboard (reads the public GraphQL API with the viewer's token)
 *   GET /graphql      the GraphiQL IDE, for a browser (Accept: text/html, no `query` parameter);
 *                     GraphQL over GET and POST is untouched
 *   GET /assets/…     their scripts, styles, fonts and Monaco workers, built into dist/web by
 *                     `npm run build` (web/build.mjs)
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { NextFunction, Request, Response, Router } from 'express';

/** dist/src/http/web.js → dist/web */
const BUILT = path.resolve(__dirname, '..', '..', 'web');

/**
 * Only this origin. Monaco and React set inline styles and Monaco's fonts are data: URIs;
 * scripts, workers and requests stay on 'self', so nothing can load from or send to another host.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: Response): void {
  res.set('Content-Security-Policy', PAGE_CSP);
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Referrer-Policy', 'no-referrer');
}

/** A browser asking for a page, not a GraphQL client doing GraphQL over GET. */
function wantsIde(req: Request): boolean {
  return req.query.query === undefined && (req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html');
}

export function webRoutes(): Router {
  const router = Router();
  const page = (name: 'ide' | 'dashboard') => (_req: Request, res: Response) => {
    const file = path.join(BUILT, name, 'index.html');
    if (!fs.existsSync(file)) {
      res.status(503).type('text/plain').send('The web pages are not built: run `npm run build`.');
      return;
    }
    securityHeaders(res);
    // The page is tiny and names unhashed assets: always revalidate (ETag makes that a 304).
    res.set('Cache-Control', 'no-cache');
    res.sendFile(file);
  };

  router.get('/', (_req, res) => res.redirect(302, '/dashboard'));
  router.get('/dashboard', page('dashboard'));
  router.get('/graphql', (req: Request, res: Response, next: NextFunction) => (wantsIde(req) ? page('ide')(req, res) : next()));
  router.use(
    '/assets',
    express.static(BUILT, {
      index: false,
      fallthrough: true,
      // Asset names carry no content hash, so browsers revalidate (cheaply, by ETag) on each load.
      setHeaders: (res) => {
        securityHeaders(res);
        res.set('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}
