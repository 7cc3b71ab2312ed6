/**
 * The yardstick of bench/list-pages.ts: the people page with nothing around it. Bare Fastify
 * and one `pg` pool (10 connections, as Gongfu's) answer `GET /people?region=330523&page=1&pageSize=50`
 * with one indexed query on the same tables (region range, newest first from
 * `persons_created_idx`, residence names joined) and the same fields as Gongfu's masked view;
 * no session, no grants, no count, no request log, no response schema.
 *
 *   DATABASE_URL=postgres://… PORT=… node --import tsx bench/bare-server.ts
 *
 * Prints `listening <port>` when ready; stops on SIGTERM.
 */
import Fastify from 'fastify';
import pg from 'pg';

const DATE = 1082;
pg.types.setTypeParser(DATE, (v: string) => v);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

/** '330523' → '330524': the subtree as a range (digits only). */
const successor = (root: string) => {
  for (let i = root.length - 1; i >= 0; i--) {
    if (root[i] !== '9') return root.slice(0, i) + String(Number(root[i]) + 1);
  }
  return '~';
};

interface Row {
  id: string;
  name: string;
  citizen_id_masked: string;
  mobile_masked: string | null;
  birth_date: string;
  gender: string;
  native_region_code: string;
  region_code: string | null;
  region_name: string | null;
  created_at: Date;
  updated_at: Date;
}

app.get<{ Querystring: { region?: string; page?: string; pageSize?: string } }>('/people', async (req) => {
  const region = /^\d{2,12}$/.test(req.query.region ?? '') ? req.query.region! : '33';
  const page = Math.max(1, Number(req.query.page ?? 1) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(req.query.pageSize ?? 50) || 50));
  const r = await pool.query<Row>(
    `select p.id, p.name, p.citizen_id_masked, p.mobile_masked, p.birth_date, p.gender,
       p.native_region_code, p.region_code, g.name as region_name, p.created_at, p.updated_at
     from persons p left join regions g on g.code = p.region_code
     where p.region_code >= $1 and p.region_code < $2
     order by p.created_at desc, p.id desc
     limit $3 offset $4`,
    [region, successor(region), pageSize, (page - 1) * pageSize],
  );
  return {
    items: r.rows.map((p) => ({
      id: p.id,
      name: p.name,
      citizenIdMasked: p.citizen_id_masked,
      mobileMasked: p.mobile_masked,
      gender: p.gender,
      birthYear: Number(p.birth_date.slice(0, 4)),
      nativeRegionCode: p.native_region_code,
      regionCode: p.region_code,
      regionName: p.region_name,
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
    })),
    page,
    pageSize,
  };
});

const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening ${new URL(address).port}`);
process.once('SIGTERM', () => {
  void app.close().then(() => pool.end());
});
