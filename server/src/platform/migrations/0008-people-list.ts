import type { Kysely } from 'kysely';
import { execStatements } from '../db/migrate.ts';

/**
 * Issue 10: the people list answers from indexes. The page is read in the list's order
 * (newest first) from `persons_created_idx` and stops after one page; the region scope is a
 * range on `region_code` (see person.repo.ts), which the existing `persons_region_idx` serves
 * under any collation, where `LIKE 'prefix%'` could not under C.UTF-8.
 *
 * The total beside an unfiltered page comes from `person_region_counts`: how many persons live
 * in each region subtree, keyed by the subtree's code (every level of a person's residence:
 * 2, 4, 6, 9 and 12 digits, as `REGION_CODE_LENGTH`), '' counting everyone (those without a
 * residence too). Statement-level triggers keep it exact in the same transaction as the
 * change, one grouped upsert per statement (a 100,000-row import updates each key once); an
 * update that does not move anyone changes nothing (renaming takes no counter lock).
 *
 * The shared keys ('' and '33') are locked from a person's insert (or move) to the end of its
 * transaction, so registrations queue one behind another, as their audit entries already do
 * (the chain's lock); a large import holds them while it commits. Every person write takes
 * the keys first and the audit lock after (it writes, then audits), and the keys in code order
 * (`order by`), so the two locks cannot deadlock each other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    'create index persons_created_idx on persons (created_at desc, id desc)',
    `create table person_region_counts (
       region_prefix text primary key,
       persons bigint not null
     )`,
    `create function person_region_prefixes(code text) returns setof text
       language sql immutable parallel safe as $$
         select ''::text
         union all
         select left(code, l) from unnest(array[2, 4, 6, 9, 12]) as l where length(code) >= l
       $$`,
    `create function person_region_counts_apply() returns trigger language plpgsql as $$
     begin
       if tg_op = 'INSERT' then
         insert into person_region_counts (region_prefix, persons)
           select k.prefix, count(*) from new_rows n cross join lateral person_region_prefixes(n.region_code) k(prefix)
           group by k.prefix order by k.prefix
         on conflict (region_prefix) do update set persons = person_region_counts.persons + excluded.persons;
       elsif tg_op = 'DELETE' then
         insert into person_region_counts (region_prefix, persons)
           select k.prefix, -count(*) from old_rows o cross join lateral person_region_prefixes(o.region_code) k(prefix)
           group by k.prefix order by k.prefix
         on conflict (region_prefix) do update set persons = person_region_counts.persons + excluded.persons;
       else
         insert into person_region_counts (region_prefix, persons)
           select d.prefix, sum(d.delta) from (
             select k.prefix, 1 as delta from new_rows n cross join lateral person_region_prefixes(n.region_code) k(prefix)
             union all
             select k.prefix, -1 from old_rows o cross join lateral person_region_prefixes(o.region_code) k(prefix)
           ) d
           group by d.prefix having sum(d.delta) <> 0 order by d.prefix
         on conflict (region_prefix) do update set persons = person_region_counts.persons + excluded.persons;
       end if;
       return null;
     end $$`,
    `create function person_region_counts_reset() returns trigger language plpgsql as $$
     begin
       delete from person_region_counts;
       return null;
     end $$`,
    `create trigger persons_count_insert after insert on persons
       referencing new table as new_rows for each statement execute function person_region_counts_apply()`,
    `create trigger persons_count_update after update on persons
       referencing old table as old_rows new table as new_rows
       for each statement execute function person_region_counts_apply()`,
    `create trigger persons_count_delete after delete on persons
       referencing old table as old_rows for each statement execute function person_region_counts_apply()`,
    `create trigger persons_count_truncate after truncate on persons
       for each statement execute function person_region_counts_reset()`,
    `insert into person_region_counts (region_prefix, persons)
       select k.prefix, count(*) from persons p cross join lateral person_region_prefixes(p.region_code) k(prefix)
       group by k.prefix`,
  ]);
}
