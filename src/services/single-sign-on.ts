/**
 * Single sign-on with an OpenID Connect provider: authorization code with PKCE, state and nonce
 * (openid-client does the protocol and checks the ID token). People are invited, never created
 * here: the provider's verified email finds the invited user, whose first sign-in links the
 * identity (issuer and subject); later sign-ins must present that identity.
 *
 * A pending sign-in is a row keyed by the hash of its state, deleted by the callback that uses
 * it, so a state works once; the browser also holds the state in a cookie, so a callback started
 * in another browser (a forged sign-in) is refused.
 */
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { Clock } from '../domain/clock';
import { normalizedEmail } from '../domain/sign-in';
import { SignInAttempt, User } from '../entities';

export interface SingleSignOnSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  requireVerifiedEmail: boolean;
}

/** How long a person may take at the provider before the pending sign-in is forgotten. */
const ATTEMPT_LIFETIME_MS = 10 * 60_000;

/** Why a sign-in did not end in a session; the HTTP edge says it in words. */
export type SignInRefusal = 'expired-or-forged' | 'not-completed' | 'no-email' | 'unverified-email' | 'not-invited' | 'disabled' | 'other-identity';

export type SignInOutcome = { userId: number } | { refused: SignInRefusal };

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export class SingleSignOn {
  private provider: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly settings: SingleSignOnSettings,
  ) {}

  /** The provider's metadata, discovered at first use (start-up does not wait for the provider), again after a failure. */
  private configuration(): Promise<oidc.Configuration> {
    const issuer = new URL(this.settings.issuer);
    this.provider ??= oidc
      .discovery(issuer, this.settings.clientId, undefined, this.settings.clientSecret === undefined ? oidc.None() : oidc.ClientSecretBasic(this.settings.clientSecret), {
        // http:// is accepted (config.ts) only for a provider on this machine.
        execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error) => {
        this.provider = undefined;
        throw error;
      });
    return this.provider;
  }

  /** Records a pending sign-in and returns its state (for the browser's cookie) and the provider's URL to send the browser to. */
  async begin(callbackUrl: string): Promise<{ state: string; url: URL }> {
    const config = await this.configuration();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = this.clock.now();
    await this.ds.getRepository(SignInAttempt).delete({ expiresAt: LessThan(now.toISOString()) });
    await this.ds.getRepository(SignInAttempt).insert({ stateHash: sha256(state), codeVerifier, nonce, expiresAt: new Date(now.getTime() + ATTEMPT_LIFETIME_MS).toISOString() });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { state, url };
  }

  /**
   * Completes the sign-in the provider sent the browser back with (`currentUrl`, the callback URL
   * with its query); `browserState` is the state the browser kept. The pending sign-in is used up
   * whatever the outcome.
   */
  async finish(currentUrl: URL, browserState: string | undefined): Promise<SignInOutcome> {
    const state = currentUrl.searchParams.get('state');
    if (!state || state !== browserState) return { refused: 'expired-or-forged' };
    const attempts = this.ds.getRepository(SignInAttempt);
    const attempt = await attempts.findOneBy({ stateHash: sha256(state) });
    // Deleting is what makes the state single-use: of two callbacks racing, one deletes the row.
    if (!attempt || (await attempts.delete({ stateHash: attempt.stateHash })).affected !== 1 || attempt.expiresAt <= this.clock.now().toISOString()) {
      return { refused: 'expired-or-forged' };
    }
    const config = await this.configuration();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: attempt.codeVerifier, expectedState: state, expectedNonce: attempt.nonce, idTokenExpected: true });
    } catch (error) {
      // The provider's refusal (the person cancelled, a code already used…) or an ID token that failed its checks.
      if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError || error instanceof oidc.ClientError) return { refused: 'not-completed' };
      throw error;
    }
    const idToken = tokens.claims()!;
    // Some providers put the email only in the userinfo answer.
    const claims = typeof idToken.email === 'string' ? idToken : { ...idToken, ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
    const email = typeof claims.email === 'string' ? normalizedEmail(claims.email) : null;
    if (email === null) return { refused: 'no-email' };
    if (this.settings.requireVerifiedEmail && claims.email_verified !== true) return { refused: 'unverified-email' };
    return this.userFor(email, idToken.iss, idToken.sub);
  }

  private async userFor(email: string, issuer: string, subject: string): Promise<SignInOutcome> {
    const users = this.ds.getRepository(User);
    let user = await users.findOneBy({ email });
    if (!user) return { refused: 'not-invited' };
    if (user.disabledAt !== null) return { refused: 'disabled' };
    if (user.oidcSubject === null) {
      // An identity signs in as one user only.
      if (await users.existsBy({ oidcIssuer: issuer, oidcSubject: subject })) return { refused: 'other-identity' };
      await users.update({ rowId: user.rowId, oidcSubject: IsNull() }, { oidcIssuer: issuer, oidcSubject: subject });
      user = await users.findOneByOrFail({ rowId: user.rowId }); // a first sign-in racing this one may have linked first
    }
    return user.oidcIssuer === issuer && user.oidcSubject === subject ? { userId: user.rowId } : { refused: 'other-identity' };
  }
}
