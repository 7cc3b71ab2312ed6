import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { GongfuApp, RouteAccess } from '../module/app-types.ts';
import { unauthenticated } from './errors.ts';

/**
 * The API description (/api/openapi.json) and its pages (/api/docs): open to anyone in
 * development; in production to signed-in users only (issue 10: the whole route table, with
 * every field, was public), unless GONGFU_API_DOCS=public opens them on purpose.
 */
export const apiDocsArePublic = (config: Pick<Config, 'production' | 'apiDocs'>): boolean =>
  !config.production || config.apiDocs === 'public';

/** Registers the Swagger UI pages under /api/docs (its /json and /yaml too), guarded as above. */
export async function registerApiDocsPages(app: GongfuApp, config: Config): Promise<void> {
  const open = apiDocsArePublic(config);
  // runs after the pipeline's onRequest hook, which has put the session's principal on the request
  const signedInOnly = async (req: FastifyRequest) => {
    if (!open && !req.ctx?.principal) throw unauthenticated();
  };
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiHooks: { onRequest: signedInOnly },
  });
}

/** GET /api/openapi.json: the description the web client's types are generated from. */
export function registerOpenApiRoute(app: GongfuApp, config: Config): void {
  const access: RouteAccess = apiDocsArePublic(config) ? { public: true } : { authenticated: true };
  app.get('/api/openapi.json', { config: { access }, schema: { hide: true } }, () => app.swagger());
}
