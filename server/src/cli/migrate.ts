import { buildApp } from '../app.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { modules } from '../modules/index.ts';
import { openMigrated } from './context.ts';

export async function runMigrate(): Promise<number> {
  const { database } = await openMigrated();
  console.log('数据库已是最新 Database is up to date.');
  await database.close();
  return 0;
}

export async function runSeedDemo(): Promise<number> {
  const { config, database } = await openMigrated();
  if (config.production) {
    console.error('生产模式不加载演示数据 Demo data is never loaded in production.');
    await database.close();
    return 1;
  }
  const { services, manifests } = await buildApp({ config, database, modules });
  const r = await seedDemo(services, manifests, (l: string) => console.log(l));
  console.log(
    r.created
      ? '演示数据已加载 Demo data loaded.'
      : '已有数据，未重复加载 Data already present; nothing loaded.',
  );
  await database.close();
  return 0;
}
