import {
  cleanList,
  invalid,
  optionalText,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import { findFinding, listInspectionFindings } from './finding.repo.ts';
import type { FindingInput } from './finding.schemas.ts';
import { insertAuditedFindings, prepareFinding } from './finding.service.ts';
import { inspectionToChange, inspectionToRead, projectForInspection } from './inspection.policy.ts';
import { insertInspection, lockInspection } from './inspection.repo.ts';
import type { CreateInspectionInput } from './inspection.schemas.ts';
import { checkPastDate } from './oversight.rules.ts';

/** Use cases of third-party safety inspection visits (第三方安全巡查). */

/** Records a visit with its findings; each finding's deadline follows from its severity. */
export async function recordInspection(
  s: PlatformServices,
  ctx: RequestContext,
  input: CreateInspectionInput,
) {
  const { project, inspectorOrganisationId } = await projectForInspection(
    s,
    ctx,
    input.projectId,
    input.inspectorOrganisationId,
  );
  const inspectedOn = checkPastDate(s, 'inspectedOn', input.inspectedOn);
  const inspectorNames = cleanList(input.inspectorNames);
  if (inspectorNames.length === 0) {
    throw invalid('inspectorNames', { zh: '请填写巡查人员姓名', en: 'Give the names of the inspectors' });
  }
  const findings = (input.findings ?? []).map((f, i) => prepareFinding(`findings.${i}`, f, inspectedOn));
  const id = await s.write(ctx, async (tx, audit) => {
    const at = s.clock.now();
    const { id } = await insertInspection(tx, {
      projectId: project.id,
      inspectorOrganisationId,
      inspectedOn,
      inspectorNames,
      summary: optionalText(input.summary),
      createdBy: ctx.principal?.userId ?? null,
      at,
    });
    await audit({
      action: 'renewal.inspection.create',
      entityType: 'renewal_inspection',
      entityId: id,
      after: {
        projectId: project.id,
        inspectorOrganisationId,
        inspectedOn,
        inspectorNames,
        findings: findings.length,
      },
    });
    await insertAuditedFindings(s, ctx, tx, audit, { inspectionId: id, projectId: project.id }, findings, at);
    return id;
  });
  return getInspection(s, ctx, id);
}

/** Adds a finding to a recorded visit (found on the visit's date). */
export async function addFinding(
  s: PlatformServices,
  ctx: RequestContext,
  inspectionId: string,
  input: FindingInput,
) {
  const { inspection } = await inspectionToChange(s, ctx, inspectionId);
  const finding = prepareFinding('', input, inspection.inspected_on);
  const [id] = await s.write(ctx, async (tx, audit) => {
    await lockInspection(tx, inspectionId);
    return insertAuditedFindings(
      s,
      ctx,
      tx,
      audit,
      { inspectionId, projectId: inspection.project_id },
      [finding],
      s.clock.now(),
    );
  });
  return (await findFinding(s.db, id!))!;
}

export async function getInspection(s: PlatformServices, ctx: RequestContext, id: string) {
  const { inspection, can } = await inspectionToRead(s, ctx, id);
  return { inspection, findings: await listInspectionFindings(s.db, id), can };
}
