import { verifyAuditChain } from '../platform/audit/audit-verify.ts';
import { openMigrated, progress } from './context.ts';

export async function runAuditVerify(): Promise<number> {
  const { database } = await openMigrated(false);
  try {
    const r = await verifyAuditChain(database.db, progress('校验审计链 Verifying audit chain'));
    if (r.ok) {
      console.log(`审计链完整 Audit chain intact: ${r.entries} entries, head ${r.lastHash.slice(0, 16)}…`);
      return 0;
    }
    console.error(
      `审计链被篡改 Audit chain BROKEN at entry #${r.brokenId}: ${r.reason} (${r.entries} entries before it are intact)`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
