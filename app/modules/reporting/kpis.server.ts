import { db } from "~/db.server";
import { KPIS, type Kpi } from "./values";

// One place for the KPI definitions shown on the Berichte page (texts in the catalogue: kpi.*.def).
export type KpiRow = { kpi: Kpi; actual: number; target: number | null; isRate: boolean };

export async function projectKpis(projectId: string, now = new Date()): Promise<KpiRow[]> {
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { startDate: true, endDate: true, targets: { select: { kpi: true, value: true } } },
  });
  const [entered, inApprenticeship, internships, workshops, informed] = await Promise.all([
    db.participant.count({ where: { projectId, entryDate: { not: null } } }),
    db.participant.count({
      where: { projectId, entryDate: { not: null }, outcomes: { some: { type: "ausbildung" } } },
    }),
    db.internship.count({
      where: {
        projectId,
        status: { in: ["vereinbart", "laeuft", "abgeschlossen", "abgebrochen"] },
      },
    }),
    db.event.count({
      where: { projectId, type: "workshop", cancelledAt: null, startsAt: { lte: now } },
    }),
    db.company.count({ where: { informedAt: { gte: project.startDate, lte: project.endDate } } }),
  ]);
  const actual: Record<Kpi, number> = {
    participants: entered,
    apprenticeship_rate: entered ? inApprenticeship / entered : 0,
    internships,
    workshops,
    employers_informed: informed,
  };
  const targets = new Map(project.targets.map((t) => [t.kpi, t.value]));
  return KPIS.map((kpi) => ({
    kpi,
    actual: actual[kpi],
    target: targets.get(kpi) ?? null,
    isRate: kpi === "apprenticeship_rate",
  }));
}

export function listProjects() {
  return db.project.findMany({
    where: { archivedAt: null },
    orderBy: { startDate: "desc" },
    select: { id: true, name: true, startDate: true, endDate: true },
  });
}
