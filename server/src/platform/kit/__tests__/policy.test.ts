import { describe, expect, it } from 'vitest';
import { AppError, notFound } from '../../http/errors.ts';
import { actorWith, definePolicy } from '../policy.ts';

/** The kit's declared permissions: pure rules over an actor's scopes. */

interface Doc {
  id: string;
  region: string;
  ownerOrg: string | null;
}

const docPolicy = definePolicy({
  notFound: (d: Doc) => notFound({ zh: `文档 ${d.id}`, en: `Document ${d.id}` }, 'DOC_NOT_FOUND'),
  denied: { delete: 'DOC_KEPT' },
  read: (a, d) => a.inRegion('doc.read', d.region) || a.partnerFor('doc.read', [d.ownerOrg]) !== null,
  actions: {
    update: (a, d) => a.inRegion('doc.write', d.region),
    delete: (a, d) => a.inRegion('doc.write', d.region) && d.ownerOrg === null,
  },
});

const doc: Doc = { id: 'd1', region: '330523001', ownerOrg: 'org-a' };
const none = { all: false, regions: [], organisations: [] };
const staff = actorWith({
  'doc.read': { ...none, regions: ['330523'] },
  'doc.write': { ...none, regions: ['330523'] },
});
const leader = actorWith({ 'doc.read': { ...none, regions: ['33'] }, 'doc.write': null });
const partner = actorWith({ 'doc.read': { ...none, organisations: ['org-a'] } });
const stranger = actorWith({ 'doc.read': { ...none, regions: ['331023'] } });

const thrown = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? [e.status, e.code] : e;
  }
  return 'allowed';
};

describe('definePolicy', () => {
  it('answers every action at once, false for all when the record is not visible', () => {
    expect(docPolicy.can(staff, doc)).toEqual({ update: true, delete: false });
    expect(docPolicy.can(leader, doc)).toEqual({ update: false, delete: false });
    expect(docPolicy.can(partner, doc)).toEqual({ update: false, delete: false });
    expect(docPolicy.can(stranger, doc)).toEqual({ update: false, delete: false });
    expect(docPolicy.can(staff, { ...doc, ownerOrg: null })).toEqual({ update: true, delete: true });
    // an action on an unseen record is never allowed, whatever its own rule says
    const writeOnly = actorWith({ 'doc.write': { ...none, regions: ['33'] } });
    expect(docPolicy.allows(writeOnly, 'update', doc)).toBe(false);
  });

  it('authorizes: 404 when the record is not visible, 403 (with the action’s code) when visible but not allowed', () => {
    expect(thrown(() => docPolicy.authorize(staff, 'update', doc))).toBe('allowed');
    expect(thrown(() => docPolicy.authorize(leader, 'read', doc))).toBe('allowed');
    expect(thrown(() => docPolicy.authorize(stranger, 'read', doc))).toEqual([404, 'DOC_NOT_FOUND']);
    expect(thrown(() => docPolicy.authorize(stranger, 'update', doc))).toEqual([404, 'DOC_NOT_FOUND']);
    expect(thrown(() => docPolicy.authorize(leader, 'update', doc))).toEqual([403, 'FORBIDDEN']);
    expect(thrown(() => docPolicy.authorize(staff, 'delete', doc))).toEqual([403, 'DOC_KEPT']);
  });

  it('lets records follow another’s rules with their own 404', () => {
    const pagePolicy = docPolicy.follow(
      (p: { id: string; doc: Doc }) => p.doc,
      (p) => notFound({ zh: `页 ${p.id}`, en: `Page ${p.id}` }, 'PAGE_NOT_FOUND'),
    );
    const page = { id: 'p1', doc };
    expect(pagePolicy.can(staff, page)).toEqual({ update: true, delete: false });
    expect(thrown(() => pagePolicy.authorize(stranger, 'read', page))).toEqual([404, 'PAGE_NOT_FOUND']);
    expect(thrown(() => pagePolicy.authorize(partner, 'update', page))).toEqual([403, 'FORBIDDEN']);
  });

  it('describes `can` as a named schema of booleans', () => {
    const schema = docPolicy.canSchema('DocCan');
    expect((schema as { title?: string }).title).toBe('DocCan');
    expect(Object.keys(schema.properties)).toEqual(['update', 'delete']);
    expect(docPolicy.actionNames).toEqual(['update', 'delete']);
  });
});
