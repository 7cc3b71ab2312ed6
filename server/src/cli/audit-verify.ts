import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAnchors } from '../platform/audit/audit-anchor.ts';
import { describeIntegrity, verifyAuditIntegrity } from '../platform/audit/audit-verify.ts';
import { openMigrated, progress } from './context.ts';

/**
 * `gongfu audit verify [--anchors FILE]`: the hash chain, the sequence numbers, and the anchors
 * of the chain's head kept outside the database — the data folder's audit-anchors.log, or FILE
 * (a copy, or the server log a collector kept: its `auditAnchor` lines count). Exit 1 on any finding.
 */
export async function runAuditVerify(anchorsFile?: string): Promise<number> {
  if (anchorsFile && !existsSync(resolve(anchorsFile))) {
    console.error(`找不到锚点文件 Anchor file not found: ${resolve(anchorsFile)}`);
    return 2;
  }
  const { config, database } = await openMigrated(false);
  try {
    const file = anchorsFile ? resolve(anchorsFile) : config.auditAnchors?.file;
    const anchors = file ? await readAnchors(file) : [];
    const r = await verifyAuditIntegrity(database.db, anchors, progress('校验审计链 Verifying audit chain'));
    const c = r.chain;
    if (anchors.length === 0 && r.headSeq > 0) {
      console.warn(
        `警告 Warning: no anchors in ${file ?? '(none configured)'}; deletion of the newest entries cannot be detected`,
      );
    }
    if (r.ok && c.ok) {
      console.log(
        `审计链完整 Audit chain intact: ${c.entries} entries, head #${r.headSeq} ${c.lastHash.slice(0, 16)}…, ${r.anchorsChecked} anchors match`,
      );
      return 0;
    }
    if (!c.ok) {
      console.error(
        `审计链被篡改 Audit chain BROKEN at entry #${c.brokenId}: ${c.reason} (${c.entries} entries before it are intact)`,
      );
    }
    for (const line of describeIntegrity(r)) console.error(`${line.zh}\n  ${line.en}`);
    return 1;
  } finally {
    await database.close();
  }
}
