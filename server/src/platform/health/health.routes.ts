import { sql } from 'kysely';
import { Type } from 'typebox';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';

const HealthView = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({ kind: Type.String(), ok: Type.Boolean(), latencyMs: Type.Number() }),
  uptimeSeconds: Type.Number(),
  version: Type.String(),
  demo: Type.Boolean(),
});

const StatusView = Type.Object({
  status: Type.String(),
  demo: Type.Boolean(),
  publicUrl: Type.Union([Type.String(), Type.Null()], {
    description:
      'the address residents open (GONGFU_PUBLIC_URL), which their one-time links and QR codes start with; null when not set',
  }),
});

export function healthRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/status',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: '存活检查与公开设置 Liveness and public settings (public)',
        response: { 200: StatusView },
      },
    },
    async () => ({ status: 'ok', demo: s.config.demo, publicUrl: s.config.publicUrl ?? null }),
  );

  app.get(
    '/api/system/health',
    {
      config: { access: { permission: 'system.health' } },
      schema: { tags: ['system'], summary: '系统健康 System health', response: { 200: HealthView } },
    },
    async () => {
      const started = performance.now();
      let ok = true;
      try {
        await sql`select 1`.execute(s.db);
      } catch {
        ok = false;
      }
      return {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { kind: s.dbKind, ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
        uptimeSeconds: Math.round(process.uptime()),
        version: '0.1.0',
        demo: s.config.demo,
      };
    },
  );
}
