import type { FastifyRequest } from 'fastify';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { citizenIdImmutable, derivedFieldGiven } from './person.errors.ts';
import {
  CreatePersonBody,
  ListPeopleQuery,
  LookupBody,
  PersonPage,
  PersonParams,
  PersonView,
  UnmaskBody,
  UnmaskedView,
  UpdatePersonBody,
} from './person.schemas.ts';
import {
  createPerson,
  getPerson,
  listPeople,
  lookupPersonByCitizenId,
  unmaskPerson,
  updatePersonDetails,
} from './person.service.ts';

const TAGS = ['people'];
const DERIVED = ['birthDate', 'gender', 'nativeRegionCode'] as const;

/** Fields derived from the citizen ID get a message saying so, before the generic schema check. */
const rejectDerived = (immutableId: boolean) => async (req: FastifyRequest) => {
  const body = req.body;
  if (body === null || typeof body !== 'object') return;
  if (immutableId && 'citizenId' in body) throw citizenIdImmutable();
  const derived = DERIVED.find((f) => f in body);
  if (derived) throw derivedFieldGiven(derived);
};

export function personRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/people',
    {
      config: { access: { permission: 'person.read' } },
      schema: {
        tags: TAGS,
        summary: '人员列表（脱敏） List people, masked',
        querystring: ListPeopleQuery,
        response: { 200: PersonPage },
      },
    },
    async (req) => listPeople(s, req.ctx, req.query),
  );

  // POST, so the clear ID travels in the body and never lands in URLs and access logs.
  app.post(
    '/api/people/lookup',
    {
      config: { access: { permission: 'person.read' } },
      schema: {
        tags: TAGS,
        summary: '按身份证号码精确查找人员（留痕） Look a person up by citizen ID (audited)',
        body: LookupBody,
        response: { 200: PersonView },
      },
    },
    async (req) => lookupPersonByCitizenId(s, req.ctx, req.body.citizenId),
  );

  app.get(
    '/api/people/:id',
    {
      config: { access: { permission: 'person.read' } },
      schema: {
        tags: TAGS,
        summary: '人员详情（脱敏） One person, masked',
        params: PersonParams,
        response: { 200: PersonView },
      },
    },
    async (req) => getPerson(s, req.ctx, req.params.id),
  );

  app.post(
    '/api/people/:id/unmask',
    {
      config: { access: { permission: 'person.unmask' } },
      schema: {
        tags: TAGS,
        summary:
          '查看完整身份证号码和手机号码（须填事由，留痕） Reveal citizen ID and mobile (reason required, audited)',
        params: PersonParams,
        body: UnmaskBody,
        response: { 200: UnmaskedView },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return unmaskPerson(s, req.ctx, req.params.id, req.body.reason);
    },
  );

  app.post(
    '/api/people',
    {
      config: { access: { permission: 'person.write' } },
      preValidation: rejectDerived(false),
      schema: {
        tags: TAGS,
        summary: '登记人员 Register a person',
        body: CreatePersonBody,
        response: { 200: PersonView },
      },
    },
    async (req) => createPerson(s, req.ctx, req.body),
  );

  app.patch(
    '/api/people/:id',
    {
      config: { access: { permission: 'person.write' } },
      preValidation: rejectDerived(true),
      schema: {
        tags: TAGS,
        summary: '修改人员信息（身份证号码不可改） Update a person (the citizen ID cannot change)',
        params: PersonParams,
        body: UpdatePersonBody,
        response: { 200: PersonView },
      },
    },
    async (req) => updatePersonDetails(s, req.ctx, req.params.id, req.body),
  );
}
