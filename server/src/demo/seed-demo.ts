import { countUsers } from '../platform/accounts/account.repo.ts';
import { createUser, systemContext } from '../platform/accounts/create-user.ts';
import { actAs } from '../platform/auth/principal-for.ts';
import type { PlatformServices } from '../platform/module/app-types.ts';
import type { ModuleManifest } from '../platform/module/manifest.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { seedDemoOrganisations } from './demo-orgs.ts';
import { seededRandom } from './demo-random.ts';
import { seedDemoPeople } from './demo-residents.ts';

/**
 * Loads the demo data once, into an empty database: accounts, organisations and
 * residents, then each module's own demo data. Records are created through the same
 * services (and audit) as real work, acting as the demo accounts.
 */
export async function seedDemo(
  s: PlatformServices,
  manifests: ModuleManifest[],
  log: (line: string) => void,
): Promise<{ created: boolean }> {
  if (s.config.production) throw new Error('Demo data is never loaded in production');
  if ((await countUsers(s.db)) > 0) return { created: false };
  const r = seededRandom(20240315);
  for (const a of DEMO_ACCOUNTS) {
    await createUser(s, systemContext('demo'), {
      username: a.username,
      displayName: a.displayName,
      password: DEMO_PASSWORD,
      grants: a.grants,
    });
  }
  log(`accounts: ${DEMO_ACCOUNTS.length}`);
  const orgs = await seedDemoOrganisations(s, await actAs(s, 'admin', 'demo:orgs'), r);
  log(`organisations: ${orgs.size}`);
  const people = await seedDemoPeople(s, r);
  log(`people: ${people}`);
  for (const m of manifests) {
    if (m.demo) await m.demo({ services: s, log: (l) => log(`${m.id}: ${l}`) });
  }
  return { created: true };
}
