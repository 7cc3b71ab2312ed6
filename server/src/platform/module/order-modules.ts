import type { ModuleManifest } from './manifest.ts';

/** Orders manifests so each comes after the modules it depends on; refuses cycles and unknown ids. */
export function orderModules(manifests: ModuleManifest[]): ModuleManifest[] {
  const byId = new Map<string, ModuleManifest>();
  for (const m of manifests) {
    if (byId.has(m.id)) throw new Error(`Module id "${m.id}" is used twice`);
    byId.set(m.id, m);
  }
  const out: ModuleManifest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: ModuleManifest, path: string[]) => {
    const s = state.get(m.id);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`Module dependency cycle: ${[...path, m.id].join(' → ')}`);
    state.set(m.id, 'visiting');
    for (const dep of m.dependsOn ?? []) {
      const d = byId.get(dep);
      if (!d) throw new Error(`Module "${m.id}" depends on unknown module "${dep}"`);
      visit(d, [...path, m.id]);
    }
    state.set(m.id, 'done');
    out.push(m);
  };
  for (const m of manifests) visit(m, []);
  return out;
}
