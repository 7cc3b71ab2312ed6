import { type GongfuApp, IdParams, type PlatformServices } from '../../../platform/kit/index.ts';
import { RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import { projectList } from './project.list.ts';
import { presentProject } from './project.present.ts';
import { CreateProjectBody, ProjectView, UpdateProjectBody } from './project.schemas.ts';
import { createProject, getProject, loadProjectView, updateProject } from './project.service.ts';

const tags = ['renewal'];

export function projectRoutes(app: GongfuApp, s: PlatformServices) {
  projectList.route(app, s);

  app.get(
    '/api/renewal/projects/:id',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags,
        summary: '项目详情 One renewal project with its calendar exceptions and task forces',
        params: IdParams,
        response: { 200: ProjectView },
      },
    },
    async (req) => presentProject(await getProject(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.post(
    '/api/renewal/projects',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '登记项目 Register a renewal project',
        body: CreateProjectBody,
        response: { 201: ProjectView },
      },
    },
    async (req, reply) => {
      const row = await createProject(s, req.ctx, req.body);
      return reply.code(201).send(presentProject(await loadProjectView(s, req.ctx, row.id), req.ctx.lang));
    },
  );

  app.patch(
    '/api/renewal/projects/:id',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '修改项目 Update a renewal project',
        params: IdParams,
        body: UpdateProjectBody,
        response: { 200: ProjectView },
      },
    },
    async (req) => {
      await updateProject(s, req.ctx, req.params.id, req.body);
      return presentProject(await loadProjectView(s, req.ctx, req.params.id), req.ctx.lang);
    },
  );
}
