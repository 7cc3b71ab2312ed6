import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export interface SecurityConfig {
  lockoutAttempts: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimitPerMinute: number;
}

/** Where uploaded files are kept and how large they may be. */
export interface FilesConfig {
  /** Directory of the local-disk file store. */
  dir: string;
  /** Largest accepted upload, in bytes. */
  maxBytes: number;
}

export const DEFAULT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Where the audit chain's head is recorded outside the database, and how often (issue 9). */
export interface AuditAnchorConfig {
  /** Append-only JSON lines {seq, hash, at}. */
  file: string;
  intervalSeconds: number;
}

export interface Config {
  production: boolean;
  host: string;
  port: number;
  /** PostgreSQL connection string; absent means embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string;
  /** Allowed browser origins for writes; empty means "same host as the request". */
  allowedOrigins: string[];
  bodyLimitBytes: number;
  security: SecurityConfig;
  demo: boolean;
  /** File storage; absent (tests, tools): `<dataDir>/files`, or a temporary folder without a data folder. */
  files?: FilesConfig;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs); absent or empty: none. */
  trustedProxies?: string[];
  /** Audit-chain anchors; absent (tests, tools without a data folder): not anchored. */
  auditAnchors?: AuditAnchorConfig;
  /**
   * Who reads /api/docs and /api/openapi.json in production (GONGFU_API_DOCS): signed-in users
   * (absent or 'signed-in', the default) or anyone ('public'). Development always shows them.
   */
  apiDocs?: 'public' | 'signed-in';
  /**
   * The address residents open (GONGFU_PUBLIC_URL, e.g. https://gongfu.example.gov.cn), without a
   * trailing slash: residents' one-time links and QR codes start with it. Absent: the web uses
   * the staff member's browser address and warns that it may not work for residents.
   */
  publicUrl?: string;
}

export class ConfigError extends Error {}

const num = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  return n;
};

export const defaultSecurity: SecurityConfig = {
  lockoutAttempts: 5,
  lockoutMinutes: 10,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  loginRateLimitPerMinute: 20,
};

/** Names proxy-addr knows for whole address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** GONGFU_TRUSTED_PROXIES: comma-separated addresses or CIDRs (10.0.0.0/8, ::1), or loopback … */
export function parseTrustedProxies(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    if (PROXY_RANGE_NAMES.has(entry)) continue;
    const [addr = '', prefix, ...rest] = entry.split('/');
    const family = isIP(addr);
    const max = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max);
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new ConfigError(
        `GONGFU_TRUSTED_PROXIES must list IP addresses or CIDRs separated by commas (e.g. 10.0.0.5,192.168.0.0/16), got "${entry}"`,
      );
    }
  }
  return list;
}

/** GONGFU_API_DOCS: 'public' or 'signed-in' (the default). */
function parseApiDocs(raw: string | undefined): 'public' | 'signed-in' {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'signed-in') return 'signed-in';
  if (v === 'public') return 'public';
  throw new ConfigError(`GONGFU_API_DOCS must be "public" or "signed-in", got "${raw}"`);
}

/** GONGFU_PUBLIC_URL: an http(s) URL without query or fragment; returned without a trailing slash. */
export function parsePublicUrl(raw: string | undefined): string | undefined {
  const v = (raw ?? '').trim();
  if (v === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(v);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    v.includes('?') ||
    v.includes('#') ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new ConfigError(
      `GONGFU_PUBLIC_URL 须为居民打开的 http(s) 地址，不带 ? 或 #（如 https://gongfu.example.gov.cn）; ` +
        `GONGFU_PUBLIC_URL must be the http(s) address residents open, without ? or # (e.g. https://gongfu.example.gov.cn), got "${raw}"`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Reads configuration from the environment. In development a master key is created in
 * the data folder on first start; production refuses to start without DATABASE_URL and
 * GONGFU_MASTER_KEY and never loads demo data.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.GONGFU_DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL || undefined;
  let masterKey = env.GONGFU_MASTER_KEY ?? '';
  if (production) {
    const missing = [!databaseUrl && 'DATABASE_URL', !masterKey && 'GONGFU_MASTER_KEY'].filter(Boolean);
    if (missing.length > 0) {
      throw new ConfigError(
        `Production mode (NODE_ENV=production) needs ${missing.join(' and ')}. ` +
          'Set DATABASE_URL=postgres://… and GONGFU_MASTER_KEY to 64 hex characters (openssl rand -hex 32).',
      );
    }
  } else if (!masterKey) {
    masterKey = devMasterKey(dataDir);
  }
  return {
    production,
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    port: num(env, 'PORT', 3000),
    databaseUrl,
    dataDir,
    masterKey,
    allowedOrigins: (env.GONGFU_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimitBytes: num(env, 'GONGFU_BODY_LIMIT_BYTES', 1024 * 1024),
    security: {
      lockoutAttempts: num(env, 'GONGFU_LOCKOUT_ATTEMPTS', defaultSecurity.lockoutAttempts),
      lockoutMinutes: num(env, 'GONGFU_LOCKOUT_MINUTES', defaultSecurity.lockoutMinutes),
      sessionIdleMinutes: num(env, 'GONGFU_SESSION_IDLE_MINUTES', defaultSecurity.sessionIdleMinutes),
      sessionAbsoluteHours: num(env, 'GONGFU_SESSION_ABSOLUTE_HOURS', defaultSecurity.sessionAbsoluteHours),
      loginRateLimitPerMinute: num(env, 'GONGFU_LOGIN_RATE_LIMIT', defaultSecurity.loginRateLimitPerMinute),
    },
    demo: !production && env.GONGFU_DEMO !== 'false',
    files: {
      dir: resolve(env.GONGFU_FILES_DIR || join(dataDir, 'files')),
      maxBytes: num(env, 'GONGFU_FILE_MAX_BYTES', DEFAULT_FILE_MAX_BYTES),
    },
    trustedProxies: parseTrustedProxies(env.GONGFU_TRUSTED_PROXIES),
    apiDocs: parseApiDocs(env.GONGFU_API_DOCS),
    publicUrl: parsePublicUrl(env.GONGFU_PUBLIC_URL),
    auditAnchors: {
      file: resolve(env.GONGFU_AUDIT_ANCHOR_FILE || join(dataDir, 'audit-anchors.log')),
      intervalSeconds: num(env, 'GONGFU_AUDIT_ANCHOR_SECONDS', 60),
    },
  };
}

/** Development only: a random key kept in the data folder (never in the repository). */
function devMasterKey(dataDir: string): string {
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
