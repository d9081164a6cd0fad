import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** A PostgreSQL URL; when absent the server runs its own embedded PostgreSQL. */
  databaseUrl?: string;
  embeddedPostgresPort: number;
  dataDir: string;
  publicUrl: string;
  seedDemo: boolean;
  /** smtp:// or smtps:// URL for notifications; without it they go into DATA_DIR/mailbox. */
  smtpUrl?: string;
  mailFrom: string;
  /** Award the joint degree as soon as a recorded result makes a learner eligible. */
  degreeAutoIssue: boolean;
  accessTokenTtlSeconds: number;
  jwtSecret?: string;
  masterKey?: string;
  /**
   * The programme's official registration system, linked from every acceptance letter. The
   * default is a placeholder (the seeds name UPM's system but not its address): set it in production.
   */
  registrationUrl: string;
  /** Degree review batches: one every this many days, periods counted from the anchor date. */
  reviewBatchIntervalDays: number;
  reviewBatchAnchor: string;
  /** The commission is reminded this many days before a batch's period ends. */
  reviewBatchReminderDays: number;
  /** PEM files to serve HTTPS directly (otherwise put a TLS proxy in front). */
  tls?: { certFile: string; keyFile: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  problems.push(`${name} must be true or false (got "${env[name]}")`);
  return fallback;
}

function url(env: Env, name: string, protocols: string[], problems: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol)) throw new Error();
    return raw.replace(/\/$/, '');
  } catch {
    // Never echo a database URL: it may hold a password.
    problems.push(`${name} must be a ${protocols.join(' or ')}// URL`);
    return undefined;
  }
}

function isoDate(env: Env, name: string, fallback: string, problems: string[]): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(raw) ||
    Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ||
    new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw
  ) {
    problems.push(`${name} must be a date as YYYY-MM-DD (got "${raw}")`);
    return fallback;
  }
  return raw;
}

/** A clearly fake address (RFC 2606 .example) until REGISTRATION_URL names UPM's registration system. */
export const REGISTRATION_URL_PLACEHOLDER = 'https://registration.upm.example/magix-placeholder';

/** Reads and validates the environment once, reporting every bad variable together. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const port = integer(env, 'PORT', 3000, 0, 65535, problems);
  const config: AppConfig = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems),
    embeddedPostgresPort: integer(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1024, 65535, problems),
    dataDir: resolve(env.DATA_DIR || '.data'),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'], problems) ?? `http://localhost:${port}`,
    seedDemo: boolean(env, 'SEED_DEMO', true, problems),
    degreeAutoIssue: boolean(env, 'DEGREE_AUTO_ISSUE', false, problems),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:'], problems),
    mailFrom: env.MAIL_FROM || 'MAGIX programme office <noreply@magix.example>',
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600, problems),
    jwtSecret: env.JWT_SECRET || undefined,
    masterKey: env.MASTER_KEY || undefined,
    registrationUrl: url(env, 'REGISTRATION_URL', ['http:', 'https:'], problems) ?? REGISTRATION_URL_PLACEHOLDER,
    reviewBatchIntervalDays: integer(env, 'REVIEW_BATCH_INTERVAL_DAYS', 14, 1, 365, problems),
    reviewBatchAnchor: isoDate(env, 'REVIEW_BATCH_ANCHOR', '2026-01-05', problems),
    reviewBatchReminderDays: integer(env, 'REVIEW_BATCH_REMINDER_DAYS', 2, 0, 365, problems),
  };
  if (config.reviewBatchReminderDays >= config.reviewBatchIntervalDays)
    problems.push('REVIEW_BATCH_REMINDER_DAYS must be fewer than REVIEW_BATCH_INTERVAL_DAYS');
  const [certFile, keyFile] = [env.TLS_CERT_FILE, env.TLS_KEY_FILE];
  if (certFile && keyFile) {
    config.tls = { certFile: resolve(certFile), keyFile: resolve(keyFile) };
    for (const [name, file] of [
      ['TLS_CERT_FILE', certFile],
      ['TLS_KEY_FILE', keyFile],
    ]) {
      if (!existsSync(file)) problems.push(`${name} names a file that does not exist: ${file}`);
    }
  } else if (certFile || keyFile) {
    problems.push('TLS_CERT_FILE and TLS_KEY_FILE go together: set both or neither');
  }
  if (!env.PUBLIC_URL && config.tls) config.publicUrl = `https://localhost:${port}`;
  if (config.jwtSecret !== undefined && config.jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }
  if (config.masterKey !== undefined && Buffer.from(config.masterKey, 'base64').length !== 32) {
    problems.push('MASTER_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export interface Secrets {
  jwtSecret: Uint8Array;
  masterKey: Buffer;
}

/** A secret from the environment, or else from DATA_DIR, generated there on first start. */
function persistedSecret(dataDir: string, file: string, generate: () => string): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = generate();
  writeFileSync(path, value + '\n', { mode: 0o600, flag: 'wx' });
  return value;
}

export function loadSecrets(config: AppConfig): Secrets {
  const jwtSecret = config.jwtSecret ?? persistedSecret(config.dataDir, 'jwt-secret', () => randomBytes(48).toString('base64url'));
  const masterKey = config.masterKey ?? persistedSecret(config.dataDir, 'master.key', () => randomBytes(32).toString('base64'));
  return { jwtSecret: new TextEncoder().encode(jwtSecret), masterKey: Buffer.from(masterKey, 'base64') };
}
