import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { makeWriter } from './platform/audit/audit.service.ts';
import { Access } from './platform/auth/access.ts';
import { ErrorBody } from './platform/auth/auth.schemas.ts';
import { makeAuthService } from './platform/auth/auth.service.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { createSmCryptoProvider } from './platform/crypto/index.ts';
import type { Database } from './platform/db/database.ts';
import { type ModuleMigrations, migrateAll } from './platform/db/migrate.ts';
import { fileRoutes } from './platform/files/file.routes.ts';
import { createFileService, filesConfigOf } from './platform/files/file.service.ts';
import { registerApiDocsPages, registerOpenApiRoute } from './platform/http/api-docs.ts';
import { nameSchemas } from './platform/http/openapi-names.ts';
import { installPipeline } from './platform/http/pipeline.ts';
import { type LogStream, OneLineRequestLog, requestLogOptions } from './platform/http/request-log.ts';
import { ajvOptions, buildValidator } from './platform/http/validators.ts';
import type { JobQueue } from './platform/jobs/job-runner.ts';
import { installJobs } from './platform/jobs/jobs-setup.ts';
import type { GongfuApp, PlatformServices, RouteAccess } from './platform/module/app-types.ts';
import type { ModuleManifest } from './platform/module/manifest.ts';
import { orderModules } from './platform/module/order-modules.ts';
import { platformModules } from './platform/platform-modules.ts';
import type { Scheduler } from './platform/schedules/scheduler.ts';
import { installSchedules } from './platform/schedules/schedules-setup.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Programme modules (the platform's own modules are always loaded first). */
  modules: ModuleManifest[];
  clock?: Clock;
  /** The request log: true writes to stdout; a stream receives the lines instead (tests). */
  logger?: boolean | LogStream;
}

export interface Built {
  app: GongfuApp;
  services: PlatformServices;
  manifests: ModuleManifest[];
  /** 'METHOD /api/path' of every API route, for the authorisation matrix. */
  routes: string[];
  /** Background jobs (Excel imports). */
  jobs: JobQueue;
  /** The manifests' schedules (catch-up when ready, timers once listening). */
  schedules: Scheduler;
}

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** All manifests in load order: platform first, then modules by their dependencies. */
export function composeManifests(modules: ModuleManifest[]): ModuleManifest[] {
  let all: ModuleManifest[] = [];
  all = orderModules([...platformModules(() => all), ...modules]);
  return all;
}

export function migrationSets(manifests: ModuleManifest[]): ModuleMigrations[] {
  return manifests
    .filter((m) => m.migrations && Object.keys(m.migrations).length > 0)
    .map((m) => ({ moduleId: m.id, migrations: m.migrations!, adopts: m.adoptsMigrations }));
}

export async function buildApp(opts: BuildOptions): Promise<Built> {
  const { config, database } = opts;
  const manifests = composeManifests(opts.modules);
  const clock = opts.clock ?? systemClock;
  const access = new Access(manifests);
  const moduleExports = new Map(manifests.map((m) => [m.id, m.exports ?? {}]));
  const crypto = createSmCryptoProvider({ masterKey: config.masterKey });
  const write = makeWriter(database.db, clock);
  const filesConfig = filesConfigOf(config);
  const services: PlatformServices = {
    db: database.db,
    dbKind: database.kind,
    config,
    clock,
    crypto,
    access,
    write,
    files: createFileService({ db: database.db, clock, crypto, write, config: filesConfig }),
    modules: moduleExports,
  };

  const app: GongfuApp = Fastify({
    logger: opts.logger ? requestLogOptions(opts.logger === true ? undefined : opts.logger) : false,
    logController: new OneLineRequestLog(),
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    // X-Forwarded-For only from the configured proxies (GONGFU_TRUSTED_PROXIES); otherwise the socket address
    trustProxy: config.trustedProxies?.length ? config.trustedProxies : false,
    ajv: ajvOptions,
    schemaController: { compilersFactory: { buildValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    strictTransportSecurity: config.production,
  });
  await app.register(fastifyRateLimit, { global: false });
  // file uploads (POST /api/files): one file, within the configured size
  await app.register(fastifyMultipart, {
    limits: { fileSize: filesConfig.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  // The one error shape, named in the API description so clients derive their error type.
  app.addSchema({ $id: 'ErrorBody', ...ErrorBody });
  await app.register(fastifySwagger, {
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gongfu 共富工作台 API',
        version: '0.1.0',
        description: 'Work platform for county common-prosperity programmes',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gongfu_sid' } } },
      security: [{ session: [] }],
    },
    transformObject: (documentObject) =>
      'openapiObject' in documentObject
        ? nameSchemas(documentObject.openapiObject)
        : documentObject.swaggerObject,
  });
  await registerApiDocsPages(app, config);

  // Every API route must say who may call it; a route without a declaration fails start-up.
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const m of [route.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${route.url}`);
    if (route.schema && !route.schema.hide) {
      route.schema.response = { ...(route.schema.response as object), '4xx': { $ref: 'ErrorBody#' } };
    }
    const a = route.config?.access as RouteAccess | undefined;
    if (!a) throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    if ('permission' in a && !access.knows(a.permission)) {
      throw new Error(`Route ${route.method} ${route.url} needs unknown permission ${a.permission}`);
    }
  });

  const auth = makeAuthService(services);
  installPipeline(app, services, auth);
  await app.register(async (scope) => fileRoutes(scope as GongfuApp, services));
  for (const m of manifests) {
    if (m.routes) await app.register(async (scope) => m.routes!(scope as GongfuApp, services));
  }
  const jobs = await installJobs(app, services, manifests);
  const schedules = installSchedules(app, services, manifests);
  registerOpenApiRoute(app, config);

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return { app, services, manifests, routes, jobs, schedules };
}

export async function migrate(database: Database, modules: ModuleManifest[], log?: (l: string) => void) {
  await migrateAll(database.db as unknown as Kysely<unknown>, migrationSets(composeManifests(modules)), log);
}
