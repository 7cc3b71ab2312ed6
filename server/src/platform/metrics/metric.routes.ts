import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import type { ModuleManifest } from '../module/manifest.ts';
import { MetricDefList, MetricKeyParams, MetricQueryString, MetricValueView } from './metric.schemas.ts';
import { listMetrics, metricRegistry, readMetric } from './metric.service.ts';

/** GET /api/metrics (the figures the caller may read) and GET /api/metrics/:key (one figure). */
export function metricRoutes(app: GongfuApp, s: PlatformServices, manifests: ModuleManifest[]) {
  const registry = metricRegistry(manifests);
  const tags = ['metrics'];
  app.get(
    '/api/metrics',
    {
      config: { access: { authenticated: true } },
      schema: { tags, summary: 'Metrics the caller may read', response: { 200: MetricDefList } },
    },
    async (req) => ({ items: listMetrics(req.ctx, registry) }),
  );
  app.get(
    '/api/metrics/:key',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'A figure over a period within the caller’s scope, optionally by sub-region',
        params: MetricKeyParams,
        querystring: MetricQueryString,
        response: { 200: MetricValueView },
      },
    },
    async (req) => readMetric(s, req.ctx, registry, req.params.key, req.query),
  );
}
