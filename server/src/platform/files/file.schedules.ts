import { systemContext } from '../accounts/create-user.ts';
import type { ScheduleDef } from '../module/manifest.ts';

/** An upload no record has taken within this time is abandoned (a form left unsent). */
export const UNATTACHED_KEEP_MS = 24 * 60 * 60_000;

/**
 * Nightly, the uploads that no record refers to and that are older than a day are deleted with
 * their contents. A record refers to a file only by attaching it (`attached_type`/`attached_id`,
 * in the same transaction as the record's write); no table holds a foreign key to `files`. So
 * "unattached" is "referenced by nothing": never attached, or detached when an edit removed it.
 * A file attached while the purge runs is kept (the delete re-checks under the row lock).
 */
export const purgeUnattachedSchedule: ScheduleDef = {
  key: 'files.purge-unattached',
  name: { zh: '清理未使用的上传文件', en: 'Purge unattached uploads' },
  when: { dailyAt: '03:30' },
  runAtStart: true,
  async run(s, { now }) {
    const before = new Date(now.getTime() - UNATTACHED_KEEP_MS);
    const n = await s.files.purgeUnattached(systemContext('files-purge'), before);
    return { summary: `清理 ${n} 个未使用的上传文件 / ${n} unattached upload(s) purged` };
  },
};
