import { db } from "~/db.server";
import { dayOf } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { evidenceKeptUntil } from "~/modules/retention/rules";
import { installationPeriods } from "~/modules/retention/rules.server";
import type { ProjectInput } from "./project-schema";
import { KPIS, type Kpi } from "./values";

const targetValue = (input: ProjectInput, kpi: Kpi) => {
  const v = input[`target_${kpi}`];
  if (v == null) return null;
  return kpi === "apprenticeship_rate" ? v / 100 : v;
};

/** Creates or updates a project with its districts and targets in one transaction. */
export async function saveProject(
  user: SessionUser,
  id: string | null,
  input: ProjectInput & { version?: number },
  meta: { ip?: string } = {},
) {
  return db.$transaction(async (tx) => {
    const data = {
      name: input.name,
      funder: input.funder,
      startDate: input.startDate,
      endDate: input.endDate,
      lastPaymentOn: input.lastPaymentOn,
    };
    let projectId: string;
    if (id) {
      const updated = await tx.project.updateMany({
        where: { id, version: input.version ?? -1, archivedAt: null },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count !== 1) {
        const exists = await tx.project.count({ where: { id } });
        throw new AppError(
          exists ? 409 : 404,
          exists ? t("error.stale") : t("validation.notFound"),
        );
      }
      projectId = id;
    } else {
      projectId = (await tx.project.create({ data, select: { id: true } })).id;
    }
    await tx.projectDistrict.deleteMany({ where: { projectId } });
    if (input.districts.length)
      await tx.projectDistrict.createMany({
        data: [...new Set(input.districts)].map((districtAgs) => ({ projectId, districtAgs })),
      });
    for (const kpi of KPIS) {
      const value = targetValue(input, kpi);
      if (value == null) await tx.target.deleteMany({ where: { projectId, kpi } });
      else
        await tx.target.upsert({
          where: { projectId_kpi: { projectId, kpi } },
          create: { projectId, kpi, value },
          update: { value, version: { increment: 1 } },
        });
    }
    await audit(
      {
        actorId: user.id,
        action: id ? "update" : "create",
        entityType: "project",
        entityId: projectId,
        after: input,
        ip: meta.ip,
      },
      tx,
    );
    return { id: projectId, name: input.name };
  });
}

/** A project as the form shows it (rates in percent). */
export async function projectFormValues(id: string) {
  const p = await db.project.findFirst({
    where: { id, archivedAt: null },
    select: {
      id: true,
      name: true,
      funder: true,
      startDate: true,
      endDate: true,
      lastPaymentOn: true,
      version: true,
      districts: { select: { districtAgs: true } },
      targets: { select: { kpi: true, value: true } },
    },
  });
  if (!p) return null;
  const targets = Object.fromEntries(
    p.targets.map((x) => [
      `target_${x.kpi}`,
      String(x.kpi === "apprenticeship_rate" ? Math.round(x.value * 100) : x.value),
    ]),
  );
  return {
    id: p.id,
    version: p.version,
    name: p.name,
    funder: p.funder ?? "",
    startDate: p.startDate,
    endDate: p.endDate,
    lastPaymentOn: p.lastPaymentOn,
    districts: p.districts.map((d) => d.districtAgs),
    targets: targets as Record<string, string>,
  };
}

/**
 * The projects that are not archived, newest first, with their targets and until when their
 * ESF evidence is kept (none before the last payment is entered).
 */
export async function listProjects() {
  const projects = await db.project.findMany({
    where: { archivedAt: null },
    orderBy: { startDate: "desc" },
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      lastPaymentOn: true,
      targets: { select: { kpi: true, value: true } },
    },
  });
  const periods = installationPeriods();
  return projects.map((p) => ({
    ...p,
    evidenceKeptUntil: evidenceKeptUntil(p.lastPaymentOn && dayOf(p.lastPaymentOn), periods),
  }));
}
