import { type GongfuApp, IdParams, type PlatformServices, todayOf } from '../../../platform/kit/index.ts';
import { presentFinding } from './finding.routes.ts';
import { FindingInput, FindingView } from './finding.schemas.ts';
import { inspectionList } from './inspection.list.ts';
import type { InspectionRow } from './inspection.repo.ts';
import { CreateInspectionBody, InspectionView } from './inspection.schemas.ts';
import { addFinding, getInspection, recordInspection } from './inspection.service.ts';
import { INSPECT, OVERSIGHT_READ } from './oversight.scope.ts';

const tags = ['renewal-oversight'];

export function inspectionRoutes(app: GongfuApp, s: PlatformServices) {
  const present = (d: Awaited<ReturnType<typeof getInspection>>, lang: 'zh-CN' | 'en') => {
    const today = todayOf(s);
    const i: InspectionRow = d.inspection;
    return {
      id: i.id,
      projectId: i.project_id,
      projectName: i.project_name,
      inspectorOrganisation: { id: i.inspector_organisation_id, name: i.inspector_organisation_name },
      inspectedOn: i.inspected_on,
      inspectorNames: i.inspector_names,
      summary: i.summary,
      findings: d.findings.map((f) => presentFinding(f, lang, today)),
      createdBy: i.created_by ? { id: i.created_by, name: i.created_by_name ?? '' } : null,
      createdAt: i.created_at.toISOString(),
      can: d.can,
    };
  };

  inspectionList.route(app, s);

  app.post(
    '/api/renewal/inspections',
    {
      config: { access: { permission: INSPECT } },
      schema: {
        tags,
        summary: '记录安全巡查 Record an inspection visit with its findings (deadlines set by severity)',
        body: CreateInspectionBody,
        response: { 201: InspectionView },
      },
    },
    async (req, reply) => {
      const d = await recordInspection(s, req.ctx, req.body);
      reply.status(201);
      return present(d, req.ctx.lang);
    },
  );

  app.get(
    '/api/renewal/inspections/:id',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '安全巡查详情 One visit with its findings',
        params: IdParams,
        response: { 200: InspectionView },
      },
    },
    async (req) => present(await getInspection(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.post(
    '/api/renewal/inspections/:id/findings',
    {
      config: { access: { permission: INSPECT } },
      schema: {
        tags,
        summary: '补录隐患 Add a finding to a visit (deadline set by severity)',
        params: IdParams,
        body: FindingInput,
        response: { 201: FindingView },
      },
    },
    async (req, reply) => {
      const f = await addFinding(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return presentFinding(f, req.ctx.lang, todayOf(s));
    },
  );
}
