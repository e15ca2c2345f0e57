/**
 * Single sign-on and browser sessions over plain HTTP:
 *
 *   GET  /auth/sign-in    sends the browser to the OpenID provider (code + PKCE, state, nonce)
 *   GET  /auth/callback   where the provider sends it back: a session cookie and a redirect to /,
 *                         or a page saying why not (an uninvited email: "ask your task force administrator")
 *   POST /auth/sign-out   ends the session and clears the cookie
 *   GET  /auth/status     {"singleSignOn": true|false}: whether pages offer a sign-in button or explain tokens
 *
 * The session cookie is HttpOnly and SameSite=Lax, and Secure when Cairn's public URL is https.
 */
import { Request, Response, Router } from 'express';
import { escapeHtml } from '../services/report-render';
import { Sessions } from '../services/sessions';
import { SignInRefusal, SingleSignOn } from '../services/single-sign-on';
import { isSameOriginWrite } from '../domain/sign-in';

export const SESSION_COOKIE = 'cairn_session';
/** The state of the sign-in under way in this browser; the callback must carry the same. */
const SIGN_IN_COOKIE = 'cairn_sign_in';

/** No scripts, no external requests. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The value of one cookie the request carries. */
export function cookieOf(req: Request, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/** Cairn's own origins: its public URL's and the one the request was addressed to. */
export function ownOrigins(req: Request, publicUrl: string): string[] {
  return [new URL(publicUrl).origin, `${req.protocol}://${req.get('host')}`];
}

/** Whether a cookie-authenticated write came from Cairn's own pages (not a cross-site form or script). */
export function isOwnOriginWrite(req: Request, publicUrl: string): boolean {
  return isSameOriginWrite(req.get('origin'), req.get('referer'), ownOrigins(req, publicUrl));
}

const REFUSALS: Record<SignInRefusal, { status: number; title: string; text: string }> = {
  'not-invited': {
    status: 403,
    title: 'You do not have access yet',
    text: 'Your sign-in worked, but no one has invited this email address to Cairn. Ask your task force administrator to add you; no account has been created.',
  },
  disabled: { status: 403, title: 'Your access has ended', text: 'The account for this email address is disabled. Ask your task force administrator if you need access again.' },
  'other-identity': {
    status: 403,
    title: 'A different account',
    text: 'This email address is linked to another sign-in account. Sign in with the account you used before, or ask your task force administrator.',
  },
  'unverified-email': { status: 403, title: 'Email not verified', text: 'Your sign-in provider has not verified your email address, so Cairn cannot tell who you are. Verify it there, then sign in again.' },
  'no-email': { status: 403, title: 'No email address', text: 'Your sign-in provider did not tell Cairn your email address. Ask your task force administrator.' },
  'expired-or-forged': { status: 400, title: 'Sign-in expired', text: 'This sign-in link has expired or was already used. Start again.' },
  'not-completed': { status: 400, title: 'Sign-in not completed', text: 'The sign-in was cancelled or refused by your sign-in provider. Start again.' },
};

function page(res: Response, status: number, title: string, text: string, signInAgain: boolean): void {
  res
    .status(status)
    .type('text/html; charset=utf-8')
    .set('Content-Security-Policy', CSP)
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Cairn</title>` +
        `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}a{color:#0b57d0}</style></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${signInAgain ? '<p><a href="sign-in">Sign in again</a></p>' : ''}</main></body></html>`,
    );
}

export function signInRoutes(singleSignOn: SingleSignOn | undefined, sessions: Sessions, publicUrl: () => string): Router {
  const router = Router();
  const secure = () => publicUrl().startsWith('https:');
  const callbackUrl = () => `${publicUrl()}/auth/callback`;

  router.get('/auth/status', (_req, res) => {
    res.json({ singleSignOn: singleSignOn !== undefined });
  });

  router.get('/auth/sign-in', async (_req, res) => {
    if (!singleSignOn) {
      page(res, 404, 'Single sign-on is not set up', 'This Cairn server signs in with bearer tokens: ask your administrator for one (npm run user -- token --user N).', false);
      return;
    }
    try {
      const { state, url } = await singleSignOn.begin(callbackUrl());
      res.cookie(SIGN_IN_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/auth', maxAge: 10 * 60_000 });
      res.set('Cache-Control', 'no-store').redirect(303, url.href);
    } catch (error) {
      console.error('Sign-in could not reach the OpenID provider:', error);
      page(res, 502, 'Sign-in is unavailable', 'Cairn could not reach the sign-in provider. Try again in a minute.', false);
    }
  });

  router.get('/auth/callback', async (req, res) => {
    if (!singleSignOn) {
      page(res, 404, 'Single sign-on is not set up', 'This Cairn server signs in with bearer tokens.', false);
      return;
    }
    res.clearCookie(SIGN_IN_COOKIE, { path: '/auth' });
    try {
      const currentUrl = new URL(callbackUrl());
      currentUrl.search = new URL(req.originalUrl, 'http://callback').search;
      const outcome = await singleSignOn.finish(currentUrl, cookieOf(req, SIGN_IN_COOKIE));
      if ('refused' in outcome) {
        const refusal = REFUSALS[outcome.refused];
        page(res, refusal.status, refusal.title, refusal.text, refusal.status === 400);
        return;
      }
      const session = await sessions.start(outcome.userId);
      res.cookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/' });
      res.set('Cache-Control', 'no-store').redirect(303, `${publicUrl()}/`);
    } catch (error) {
      console.error('Sign-in failed:', error);
      page(res, 502, 'Sign-in failed', 'Cairn could not complete the sign-in with the sign-in provider. Try again in a minute.', true);
    }
  });

  router.post('/auth/sign-out', async (req, res) => {
    const session = cookieOf(req, SESSION_COOKIE);
    if (session !== undefined && !isOwnOriginWrite(req, publicUrl())) {
      page(res, 403, 'Sign-out refused', 'A sign-out must come from Cairn’s own pages.', false);
      return;
    }
    try {
      if (session !== undefined) await sessions.end(session);
      res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/' });
      res.set('Cache-Control', 'no-store').redirect(303, `${publicUrl()}/`);
    } catch (error) {
      console.error('Sign-out failed:', error);
      page(res, 500, 'Sign-out failed', 'Try again.', false);
    }
  });

  return router;
}
