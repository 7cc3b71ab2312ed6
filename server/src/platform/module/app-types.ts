import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Db } from '../audit/audit.repo.ts';
import type { Writer } from '../audit/audit.service.ts';
import type { Access } from '../auth/access.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { CryptoProvider } from '../crypto/index.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { FileService } from '../files/file.service.ts';

export type GongfuApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What the core hands every module: the database, the clock, crypto, access rules and the audited writer. */
export interface PlatformServices {
  db: Db;
  dbKind: DatabaseKind;
  config: Config;
  clock: Clock;
  crypto: CryptoProvider;
  access: Access;
  write: Writer;
  /** Uploaded files: storage, attaching to records, signed links (server/src/platform/files). */
  files: FileService;
  /** Exports of every loaded module, by module id. */
  modules: ReadonlyMap<string, Record<string, unknown>>;
}

/** Per-route security declaration; every route must have exactly one. */
export type RouteAccess = { public: true } | { authenticated: true } | { permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: import('../audit/audit.service.ts').RequestContext;
  }
}
