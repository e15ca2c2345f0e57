import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser. The cookie holds a random value; only its SHA-256 hash is stored, so the
 * table cannot be used to sign in. Instants are ISO strings written from Cairn's clock.
 */
@Entity('session')
export class BrowserSession {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  idHash: string;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30 })
  lastSeenAt: string;

  /** The absolute limit: the session ends then however active it is. */
  @Column({ type: 'varchar', length: 30 })
  expiresAt: string;
}

/** A sign-in sent to the OpenID provider and not yet back: used once, by the callback. */
@Entity('sign_in_attempt')
export class SignInAttempt {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  stateHash: string;

  @Column({ type: 'varchar', length: 128 })
  codeVerifier: string;

  @Column({ type: 'varchar', length: 128 })
  nonce: string;

  @Column({ type: 'varchar', length: 30 })
  expiresAt: string;
}
