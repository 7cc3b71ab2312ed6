import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { modules } from '../../../modules/index.ts';
import { testConfig } from '../../../test/harness.ts';
import { openDatabase } from '../../db/database.ts';
import { platformMigrations } from '../../migrations/index.ts';
import { defineModule, type ModuleManifest } from '../manifest.ts';
import { orderModules } from '../order-modules.ts';

const mod = (id: string, dependsOn: string[] = [], extra: Partial<ModuleManifest> = {}) =>
  defineModule({ id, name: { zh: id, en: id }, programme: false, dependsOn, ...extra });

describe('module manifests', () => {
  it('orders modules after their dependencies', () => {
    const order = orderModules([mod('c', ['b']), mod('a'), mod('b', ['a'])]).map((m) => m.id);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('refuses dependency cycles, unknown dependencies and duplicate ids, naming them', () => {
    expect(() => orderModules([mod('a', ['b']), mod('b', ['a'])])).toThrow(/cycle: a → b → a/);
    expect(() => orderModules([mod('a', ['zzz'])])).toThrow(/unknown module "zzz"/);
    expect(() => orderModules([mod('a'), mod('a')])).toThrow(/used twice/);
  });

  it('refuses to start when a route declares no access or an unknown permission', async () => {
    const database = await openDatabase({});
    try {
      const noAccess = mod('bad', ['platform'], {
        routes: (app) => {
          app.get('/api/bad', async () => ({ ok: true }));
        },
      });
      await expect(buildApp({ config: testConfig(), database, modules: [noAccess] })).rejects.toThrow(
        /GET \/api\/bad declares no access/,
      );
      const unknownPerm = mod('bad2', ['platform'], {
        routes: (app) => {
          app.get('/api/bad2', { config: { access: { permission: 'nope.read' } } }, async () => ({
            ok: true,
          }));
        },
      });
      await expect(buildApp({ config: testConfig(), database, modules: [unknownPerm] })).rejects.toThrow(
        /unknown permission nope.read/,
      );
    } finally {
      await database.close();
    }
  });

  it('refuses a permission declared by two modules', async () => {
    const database = await openDatabase({});
    try {
      const dup = mod('dup', ['platform'], {
        permissions: [{ key: 'region.read', name: { zh: 'x', en: 'x' }, roles: ['staff'] }],
      });
      await expect(buildApp({ config: testConfig(), database, modules: [dup] })).rejects.toThrow(
        /declared twice/,
      );
    } finally {
      await database.close();
    }
  });

  it('numbers each module’s migrations once (a name, once run, stays in every database’s history)', () => {
    // Renewal ran two migrations numbered 0004 before its parts had folders; their names are
    // recorded in databases in use, and a renamed one would be run again or refused by the
    // migrator, so the pair stays and nothing else may share a number.
    const recorded = new Set(['renewal 0004-exception-kinds']);
    const sets = [
      { id: 'platform', names: Object.keys(platformMigrations) },
      ...modules.map((m) => ({ id: m.id, names: Object.keys(m.migrations ?? {}) })),
    ];
    const shared = sets.flatMap(({ id, names }) =>
      names
        .filter((n) => !recorded.has(`${id} ${n}`))
        .filter((n, i, rest) => rest.some((o, j) => j !== i && o.slice(0, 4) === n.slice(0, 4)))
        .map((n) => `${id} ${n}`),
    );
    expect(shared).toEqual([]);
    expect(sets.find((x) => x.id === 'renewal')?.names).toContain('0004-exception-kinds');
  });
});
