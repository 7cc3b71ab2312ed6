import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citizenIdCheckChar } from '@gongfu/domain/cn/citizen-id';
import { describe, expect, it } from 'vitest';
import { composeManifests } from '../../../app.ts';
import { modules } from '../../../modules/index.ts';
import { describeEachDb } from '../../../test/harness.ts';
import { defineModule } from '../../module/manifest.ts';
import { composeAuditLabels } from '../audit-labels.ts';

const SERVER_SRC = fileURLToPath(new URL('../../../', import.meta.url));

/** Every .ts file of the server outside tests. */
function sourceFiles(dir = SERVER_SRC): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === '__tests__' || n === 'test' ? [] : sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * The audit actions and entity types the code writes, read from its source: the literals of
 * every `action:` / `audit:` (Excel lists) and `entityType:` expression. A template literal
 * (`renewal.finding.${a.action}`) is kept as its fixed prefix, ending in '.'.
 */
function auditedInSource() {
  const actions = new Set<string>();
  const prefixes = new Set<string>();
  const entityTypes = new Set<string>();
  for (const f of sourceFiles()) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\b(?:action|audit):\s*`([a-z][a-z0-9_.-]*\.)\$\{/g)) prefixes.add(m[1]!);
    for (const m of src.matchAll(/\b(?:action|audit):\s*((?:[^,;{}()`]|\([^()]*\))+)/g))
      for (const l of m[1]!.matchAll(/'([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)'/g)) actions.add(l[1]!);
    for (const m of src.matchAll(/\bentityType:\s*((?:[^,;{}()]|\([^()]*\))+)/g))
      for (const l of m[1]!.matchAll(/'([a-z][a-z0-9_]*)'/g)) entityTypes.add(l[1]!);
  }
  return { actions, prefixes, entityTypes };
}

describe('audit labels', () => {
  const labels = composeAuditLabels(composeManifests(modules));
  const found = auditedInSource();

  it('finds what the code audits (the scan itself works)', () => {
    expect(found.actions.size).toBeGreaterThan(80);
    expect(found.actions).toContain('renewal.district.accept'); // inside a ternary
    expect(found.actions).toContain('person.export'); // an Excel list's `audit`
    expect(found.prefixes).toContain('renewal.ballot.vote.');
    expect(found.entityTypes).toContain('renewal_project');
  });

  it('labels every audited action and entity type in Chinese and English', () => {
    const unlabelled = [...found.actions].filter((a) => !labels.action(a));
    expect(unlabelled, 'audit actions without a label in their module’s manifest `audit.actions`').toEqual(
      [],
    );
    const noVariant = [...found.prefixes].filter((p) => !labels.actionCodes().some((c) => c.startsWith(p)));
    expect(noVariant, 'action templates without labelled variants').toEqual([]);
    const untyped = [...found.entityTypes].filter((t) => !labels.entity(t));
    expect(untyped, 'entity types without a label in their module’s manifest `audit.entities`').toEqual([]);
    for (const code of labels.actionCodes()) {
      const l = labels.action(code)!;
      expect(l.zh, code).toMatch(/\p{Script=Han}/u);
      expect(l.en, code).toMatch(/^[A-Z]/);
    }
  });

  it('labels nothing the code no longer writes', () => {
    const stale = labels
      .actionCodes()
      .filter((c) => !found.actions.has(c) && ![...found.prefixes].some((p) => c.startsWith(p)));
    expect(stale, 'labelled actions that no code writes').toEqual([]);
    const staleTypes = labels.entityTypes().filter((t) => !found.entityTypes.has(t));
    expect(staleTypes, 'labelled entity types that no code writes').toEqual([]);
  });

  it('labels an Excel list’s export and import from its title', () => {
    expect(labels.action('person.export')).toEqual({ zh: '导出人员', en: 'Export people' });
    expect(labels.action('org.import')).toEqual({ zh: '导入组织机构', en: 'Import organisations' });
  });

  it('refuses an action labelled by two modules', () => {
    const a = defineModule({
      id: 'a',
      name: { zh: 'a', en: 'a' },
      programme: false,
      audit: { actions: { 'x.do': { zh: '甲', en: 'A' } } },
    });
    const b = { ...a, id: 'b' };
    expect(() => composeAuditLabels([a, b])).toThrow(/x\.do is labelled twice \(modules a and b\)/);
  });
});

const ID17 = '33052319900101123';

interface Entry {
  action: string;
  actionName: string;
  entityType: string | null;
  entityTypeName: string | null;
  entityId: string | null;
  entityName: string | null;
}

describeEachDb(
  'audit log API: actions, entity types and records in words',
  (env) => {
    const search = async (cookie: string, query: string, lang?: 'en') => {
      const r = await env().app.inject({
        url: `/api/audit?${query}`,
        headers: { cookie, ...(lang ? { 'accept-language': 'en-US' } : {}) },
      });
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as { items: Entry[] }).items;
    };

    it('every record-naming query runs (the columns it reads exist)', async () => {
      const labels = composeAuditLabels(env().manifests);
      for (const type of labels.entityTypes()) {
        const names = labels.entity(type)!.names;
        if (names)
          expect(await names(env().services.db, [randomUUID(), '990000', 'GET /x'])).toEqual(new Map());
      }
    });

    it('answers each entry with its action, entity type and record named, keeping the codes', async () => {
      const auditor = await env().userWith('auditor', {}, 'labels.auditor');
      const staff = await env().userWith('staff', { regionCode: '330523' }, 'labels.staff');
      const users = await search(auditor, 'action=user.create&actor=test');
      const created = users.find((e) => e.action === 'user.create')!;
      expect(created).toMatchObject({
        action: 'user.create',
        actionName: '创建账号',
        entityType: 'user',
        entityTypeName: '账号',
      });
      expect(created.entityName).toMatch(/^labels\.(auditor|staff)（labels\.(auditor|staff)）$/);
      const en = await search(auditor, 'action=user.create', 'en');
      expect(en[0]).toMatchObject({ actionName: 'Create an account', entityTypeName: 'Account' });

      const org = await env().app.inject({
        method: 'POST',
        url: '/api/orgs',
        headers: { cookie: staff },
        payload: { name: '安吉县审计标签测试中心', kind: 'department', regionCode: '330523' },
      });
      expect(org.statusCode, org.body).toBeLessThan(300);
      const [orgEntry] = await search(auditor, `action=org.create&entityId=${org.json().id}`);
      expect(orgEntry).toMatchObject({
        actionName: '新增组织机构',
        entityTypeName: '组织机构',
        entityName: '安吉县审计标签测试中心',
      });

      // a person's name is masked: the auditor does not read people
      const person = await env().app.inject({
        method: 'POST',
        url: '/api/people',
        headers: { cookie: staff },
        payload: { name: '李建国', citizenId: `${ID17}${citizenIdCheckChar(ID17)}`, regionCode: '330523' },
      });
      expect(person.statusCode, person.body).toBe(200);
      const [personEntry] = await search(auditor, `action=person.create&entityId=${person.json().id}`);
      expect(personEntry).toMatchObject({
        actionName: '登记人员',
        entityTypeName: '人员',
        entityName: '李**',
      });

      // what nothing labels is shown by its code
      await env().services.write(
        { principal: null, requestId: 'r', ip: null, lang: 'zh-CN', systemActor: 'test' },
        (_tx, audit) =>
          audit({
            action: 'test.unlabelled',
            entityType: 'test_thing',
            entityId: 'x',
            after: { name: '某记录' },
          }),
      );
      const [raw] = await search(auditor, 'action=test.unlabelled');
      expect(raw).toMatchObject({
        actionName: 'test.unlabelled',
        entityTypeName: 'test_thing',
        entityName: '某记录',
      });
    });
  },
  { modules },
);
