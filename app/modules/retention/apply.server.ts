import { db, Prisma, type Tx } from "~/db.server";
import { env } from "~/env.server";
import { hourOf, today } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import {
  addCounts,
  anonymiseCompany,
  anonymiseContact,
  anonymiseParticipant,
  anonymiseRegistration,
  anonymiseUser,
  type Counts,
  DELETE_BY_ID,
  eraseParticipantCoaching,
  eraseParticipantContact,
} from "./anonymise.server";
import type { DatenartKey } from "./datenarten";
import { heldParticipantIds } from "./holds.server";
import { journalErasures } from "./journal.server";
import { dueRecords, PARTICIPANT_STEPS, type PlanLine, type Step } from "./plan.server";
import { RETENTION_SWITCHES, type RetentionSwitch } from "./schema";

// Applying the deletion rules (SDM module 60): a plan is drawn up and reviewed, then applied by
// its id – exactly its records, in batches of one transaction each, at most RETENTION_CAP per
// run, the rest next time. A second application of a finished plan changes nothing; a plan from
// another day or replaced by a newer one is refused. The deletion log (ErasureRecord) keeps per
// rule and plan the counts per table, never the values. Automatic deletion (off by default)
// runs from the job runner; a pause stops every application.

type Actor = { id: string } | null;

const BATCH = 50;

export async function retentionSwitches(): Promise<Record<RetentionSwitch, boolean>> {
  const rows = await db.setting.findMany({ where: { key: { in: [...RETENTION_SWITCHES] } } });
  const on = (key: RetentionSwitch) => rows.some((r) => r.key === key && r.value === "1");
  return { "retention.auto": on("retention.auto"), "retention.paused": on("retention.paused") };
}

/** Turns automatic deletion or the pause on or off (audited). */
export async function setRetentionSwitch(actor: { id: string }, key: RetentionSwitch, on: boolean) {
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key },
      create: { key, value: on ? "1" : "0", updatedById: actor.id },
      update: { value: on ? "1" : "0", updatedById: actor.id },
    });
    await audit(
      { actorId: actor.id, action: "update", entityType: "setting", entityId: key, after: { on } },
      tx,
    );
  });
}

export type DraftedPlan = { id: string; day: string; lines: PlanLine[] };

/** Draws up today's plan from the rules; earlier open plans are replaced by it. */
export async function draftPlan(actor: Actor, now = new Date()): Promise<DraftedPlan> {
  const rules = await dueRecords(now);
  const lines = rules.map(({ items: _, ...line }) => line);
  const day = today(now);
  const plan = await db.$transaction(async (tx) => {
    const stale = await tx.retentionPlan.findMany({
      where: { status: "open" },
      select: { id: true },
    });
    await tx.retentionPlanItem.deleteMany({ where: { planId: { in: stale.map((p) => p.id) } } });
    await tx.retentionPlan.updateMany({
      where: { id: { in: stale.map((p) => p.id) } },
      data: { status: "superseded" },
    });
    const created = await tx.retentionPlan.create({
      data: { day, summary: JSON.stringify(lines), createdById: actor?.id ?? null },
      select: { id: true },
    });
    const items = rules.flatMap((r) =>
      r.items.map((i) => ({ planId: created.id, rule: r.key, entity: i.step, recordId: i.id })),
    );
    // In slices: one statement with thousands of rows would exceed SQLite's parameter limit.
    for (let i = 0; i < items.length; i += 100)
      await tx.retentionPlanItem.createMany({ data: items.slice(i, i + 100) });
    return created;
  });
  return { id: plan.id, day, lines };
}

/** The open plan of today, if one was drawn up. */
export async function openPlan(now = new Date()) {
  const plan = await db.retentionPlan.findFirst({
    where: { status: "open", day: today(now) },
    orderBy: { createdAt: "desc" },
    select: { id: true, day: true, summary: true, createdAt: true },
  });
  if (!plan) return null;
  const remaining = await db.retentionPlanItem.count({ where: { planId: plan.id, doneAt: null } });
  return { ...plan, lines: JSON.parse(plan.summary) as PlanLine[], remaining };
}

/** The steps that change a record rather than delete it, by name (also replayed after a restore). */
export const ANONYMISE: Record<
  Exclude<Step, keyof typeof DELETE_BY_ID>,
  (tx: Tx, id: string, now: Date) => Promise<Counts>
> = {
  participant: anonymiseParticipant,
  participant_contact: (tx, id) => eraseParticipantContact(tx, id),
  participant_coaching: (tx, id) => eraseParticipantCoaching(tx, id),
  contact: anonymiseContact,
  company: anonymiseCompany,
  registration: (tx, id) => anonymiseRegistration(tx, id),
  user: anonymiseUser,
};

export const isDeletion = (step: string): step is keyof typeof DELETE_BY_ID => step in DELETE_BY_ID;

/** Adds this batch's counts to the plan's deletion-log row for the rule. */
async function logCounts(tx: Tx, actor: Actor, planId: string, rule: string, counts: Counts) {
  if (!Object.keys(counts).length) return;
  const row = await tx.erasureRecord.findFirst({
    where: { planId, rule },
    select: { id: true, counts: true },
  });
  if (row)
    await tx.erasureRecord.update({
      where: { id: row.id },
      data: { counts: JSON.stringify(addCounts(JSON.parse(row.counts) as Counts, counts)) },
    });
  else
    await tx.erasureRecord.create({
      data: { planId, rule, actorId: actor?.id ?? null, counts: JSON.stringify(counts) },
    });
}

export type ApplyReport = {
  /** Records the run changed or deleted. */
  applied: number;
  /** Records of the plan a legal hold set since kept (they leave the plan). */
  held: number;
  /** Records of the plan left for the next run (the cap was reached). */
  remaining: number;
  /** Rows changed per table. */
  counts: Counts;
};

/**
 * Applies the plan with this id: its records and no others, in batches of one transaction each
 * (all or nothing; a crash leaves the rest for the next run), at most `cap` records.
 */
export async function applyPlan(
  planId: string,
  actor: Actor,
  { now = new Date(), cap = env.RETENTION_CAP }: { now?: Date; cap?: number } = {},
): Promise<ApplyReport> {
  const plan = await db.retentionPlan.findUnique({ where: { id: planId } });
  if (!plan) throw new AppError(404, t("retention.planUnknown"));
  if (plan.status === "superseded" || plan.day !== today(now))
    throw new AppError(409, t("retention.planStale"));
  if ((await retentionSwitches())["retention.paused"])
    throw new AppError(409, t("retention.pausedRefused"));
  const report: ApplyReport = { applied: 0, held: 0, remaining: 0, counts: {} };
  if (plan.status === "applied") return report;
  const held = await heldParticipantIds(now);
  while (report.applied + report.held < cap) {
    const batch = await db.retentionPlanItem.findMany({
      where: { planId, doneAt: null },
      orderBy: [{ rule: "asc" }, { entity: "asc" }, { recordId: "asc" }],
      take: Math.min(BATCH, cap - report.applied - report.held),
    });
    if (!batch.length) break;
    await db.$transaction(async (tx) => {
      const perRule = new Map<string, Counts>();
      const keep = batch.filter(
        (i) => PARTICIPANT_STEPS.has(i.entity as Step) && held.has(i.recordId),
      );
      for (const i of keep)
        await tx.retentionPlanItem.delete({
          where: {
            planId_rule_entity_recordId: {
              planId,
              rule: i.rule,
              entity: i.entity,
              recordId: i.recordId,
            },
          },
        });
      const go = batch.filter((i) => !keep.includes(i));
      const tally = (rule: string, counts: Counts) =>
        perRule.set(rule, addCounts(perRule.get(rule) ?? {}, counts));
      for (const entity of new Set(go.map((i) => i.entity))) {
        const group = go.filter((i) => i.entity === entity);
        if (isDeletion(entity)) {
          for (const rule of new Set(group.map((i) => i.rule))) {
            const ids = group.filter((i) => i.rule === rule).map((i) => i.recordId);
            const { count } = await DELETE_BY_ID[entity](tx, ids);
            tally(rule, { [entity]: count });
          }
          continue;
        }
        const step = ANONYMISE[entity as keyof typeof ANONYMISE];
        if (!step) throw new Error(`Unbekannter Löschschritt: ${entity}`);
        for (const i of group) {
          // A record gone meanwhile (merged, or deleted by an earlier step) has nothing left.
          const counts = await step(tx, i.recordId, now).catch((e: unknown) => {
            if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025") return {};
            throw e;
          });
          tally(i.rule, counts);
        }
      }
      journalErasures(
        go.map((i) => ({ step: i.entity, id: i.recordId })),
        now,
      );
      await tx.retentionPlanItem.updateMany({
        where: {
          planId,
          doneAt: null,
          OR: go.map((i) => ({ rule: i.rule, entity: i.entity, recordId: i.recordId })),
        },
        data: { doneAt: now },
      });
      for (const [rule, counts] of perRule) {
        await logCounts(tx, actor, planId, rule, counts);
        addCounts(report.counts, counts);
      }
      report.applied += go.length;
      report.held += keep.length;
    });
  }
  report.remaining = await db.retentionPlanItem.count({ where: { planId, doneAt: null } });
  if (report.applied) await truncateLog();
  await db.$transaction(async (tx) => {
    if (!report.remaining) {
      await tx.retentionPlan.update({
        where: { id: planId },
        data: { status: "applied", appliedAt: now },
      });
      await tx.retentionPlanItem.deleteMany({ where: { planId } });
    }
    if (report.applied || report.held)
      await audit(
        {
          actorId: actor?.id ?? null,
          action: "erase",
          entityType: "retention_plan",
          entityId: planId,
          detail: t("retention.appliedDetail", {
            applied: report.applied,
            remaining: report.remaining,
          }),
        },
        tx,
      );
  });
  return report;
}

/**
 * SQLite keeps earlier versions of changed pages in its write-ahead log until a checkpoint:
 * after erasing, the log is written back and emptied so the old text is gone from disk too.
 * Best effort: a reader holding an old snapshot lets it wait for the next checkpoint.
 */
async function truncateLog() {
  if (!env.DATABASE_URL.startsWith("file:")) return;
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)").catch(() => undefined);
}

/** Once a Berlin day from 03:00 (after the backup): when switched on and not paused, plan and apply. */
export async function retentionJob(now = new Date()): Promise<ApplyReport | null> {
  if (hourOf(now) < 3) return null;
  const switches = await retentionSwitches();
  if (!switches["retention.auto"] || switches["retention.paused"]) return null;
  const key = `retention:${today(now)}`;
  try {
    await db.jobRun.create({ data: { key, ranAt: now } });
  } catch {
    return null; // another run has taken today's turn
  }
  const plan = await draftPlan(null, now);
  return applyPlan(plan.id, null, { now });
}

/** Rules by key, for the deletion log on the page. */
export async function erasureLog(take = 20) {
  const rows = await db.erasureRecord.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      createdAt: true,
      rule: true,
      planId: true,
      requestId: true,
      counts: true,
      actor: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    rule: r.rule as DatenartKey | "antrag",
    counts: JSON.parse(r.counts) as Counts,
  }));
}
