import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bootstrap superuser of the embedded cluster: used only at open time, to set up the app role. */
export const SUPERUSER = 'postgres';
/** The role the server and the command line connect as: owns the `magix` database, nothing more. */
export const APP_ROLE = 'magix';
/** What builds before issue 11 set as the superuser password: refused from now on. */
export const LEGACY_SUPERUSER_PASSWORD = 'magix-embedded';

export class CredentialsUnreadableError extends Error {
  constructor(file: string, cause: string) {
    super(
      `Cannot read the embedded PostgreSQL's password from ${file} (${cause}). ` +
        `Run the command as the user that runs the server, with the server's DATA_DIR, or set DATABASE_URL.`,
    );
    this.name = 'CredentialsUnreadableError';
  }
}

/**
 * The passwords of the embedded cluster, one file per role in a folder only the owner can enter
 * (0700, files 0600). It sits beside the cluster's data folder, not inside it: when we run as
 * root, PostgreSQL runs as the `postgres` OS user and owns its data folder; these files stay ours.
 */
export class EmbeddedCredentials {
  constructor(readonly dir: string) {}

  fileOf(role: string): string {
    return join(this.dir, `${role}.password`);
  }

  /** The password stored for `role`, or null when none is (yet). */
  read(role: string): string | null {
    return readPassword(this.fileOf(role));
  }

  /** The stored password, or a new random one written first: a crash later still finds it. */
  readOrCreate(role: string): string {
    return this.read(role) ?? this.write(role, newPassword());
  }

  write(role: string, password: string): string {
    this.ensureDir();
    const file = this.fileOf(role);
    // Write beside, then rename: a reader never sees half a password.
    writeFileSync(`${file}.tmp`, `${password}\n`, { mode: 0o600 });
    chmodSync(`${file}.tmp`, 0o600);
    renameSync(`${file}.tmp`, file);
    return password;
  }

  /**
   * A rotation in two steps, so that a crash between ALTER ROLE and the write loses nothing: the
   * new password is kept as `pending` first; `commit` makes it the stored one.
   */
  pending(role: string): string | null {
    return readPassword(`${this.fileOf(role)}.pending`);
  }

  writePending(role: string, password: string): void {
    this.ensureDir();
    writeFileSync(`${this.fileOf(role)}.pending`, `${password}\n`, { mode: 0o600 });
  }

  commitPending(role: string): void {
    renameSync(`${this.fileOf(role)}.pending`, this.fileOf(role));
  }

  dropPending(role: string): void {
    if (existsSync(`${this.fileOf(role)}.pending`)) unlinkSync(`${this.fileOf(role)}.pending`);
  }

  ensureDir(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // mkdir leaves an existing folder as it was, and the umask may have widened a new one.
    if ((statSync(this.dir).mode & 0o077) !== 0) chmodSync(this.dir, 0o700);
  }
}

export function newPassword(): string {
  return randomBytes(32).toString('base64url');
}

function readPassword(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new CredentialsUnreadableError(file, code ?? String(error));
  }
}
