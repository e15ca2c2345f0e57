import { Column, CreateDateColumn, Entity } from 'typeorm';
import { RowRecord } from './base-record';

/** A bearer token. Only its SHA-256 hash is stored; the token itself is shown once, at creation. */
@Entity('api_token')
export class ApiToken extends RowRecord {
  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  label: string;

  @CreateDateColumn()
  createdAt: Date;

  /** ISO instant after which the token no longer works; null for no expiry. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  expiresAt: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;

  /** Read-only tokens act as a VIEWER (keeping the user's agency); only they may travel in URLs. */
  @Column({ type: 'boolean', default: false })
  readOnly: boolean;
}
