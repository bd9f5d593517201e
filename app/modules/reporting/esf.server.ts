import { db } from "~/db.server";
import { type LabelledSet, labelOf } from "~/labels";
import { dayRange } from "~/lib/day";
import type { Sheet } from "~/lib/spreadsheet.server";
import { signedToken } from "~/lib/tokens.server";
import { t } from "~/messages";
import { auditExport } from "~/modules/audit/audit.server";
import { ageOn } from "~/modules/participant/service.server";
import type { Period } from "./period";
import { ESF_REQUIRED, type EsfField } from "./values";

/** ISCED 2011 levels for the school certificates Lotse records. */
const ISCED: Record<string, string> = {
  ohne: "ISCED 0–1",
  hauptschule: "ISCED 2",
  realschule: "ISCED 2",
  abitur: "ISCED 3",
  sonstige: "ISCED 2",
};

/** ESF age bands at entry. */
export function ageBand(age: number): string {
  if (age < 18) return "unter 18";
  if (age < 25) return "18–24";
  if (age < 30) return "25–29";
  return "30 und älter";
}

/** A stable pseudonym per participant: the same person keeps it across exports, no name in it. */
export const pseudonym = (participantId: string) =>
  `TN-${signedToken("esf", participantId)
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 10)
    .toUpperCase()}`;

const label = (set: LabelledSet, v: string | null) => (v ? labelOf(set, v) : "");

/**
 * The ESF monitoring rows of a project for a period: one per stay that began or ended in it
 * (someone who left and came back has a row per stay, numbered), with entry and exit date,
 * gender, age band at entry, labour status at entry, education level and the outcome at that
 * exit — pseudonymised (no name, no birth date).
 */
/** The ESF sheet of a project and period for download; the export is audited. */
export async function exportEsfSheet(
  user: { id: string },
  project: { id: string; name: string },
  period: Period,
  meta: { ip?: string } = {},
): Promise<Sheet> {
  const sheet = await esfSheet(project.id, period);
  await auditExport({
    actorId: user.id,
    entityType: "participant",
    what: `ESF-Monitoring ${project.name}`,
    rows: sheet.rows.length,
    view: "pseudonymisiert",
    ip: meta.ip,
  });
  return sheet;
}

/** The stays of a project that began or ended in the period, with what the ESF rows need. */
function staysInPeriod(projectId: string, period: Period) {
  const { since, until } = dayRange(period);
  const inPeriod = { gte: since, lt: until };
  return db.participantStay.findMany({
    where: { projectId, OR: [{ entryDate: inPeriod }, { exitDate: inPeriod }] },
    orderBy: [{ entryDate: "asc" }, { id: "asc" }],
    select: {
      participantId: true,
      entryDate: true,
      exitDate: true,
      labourStatus: true,
      participant: {
        select: {
          firstName: true,
          lastName: true,
          birthDate: true,
          gender: true,
          schoolCertificate: true,
        },
      },
      outcomes: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { type: true, partTime: true },
      },
    },
  });
}
type Stay = Awaited<ReturnType<typeof staysInPeriod>>[number];

/** The mandatory ESF+ fields a stay's row lacks (the outcome only once she has left). */
function missingFields(s: Stay): EsfField[] {
  const missing: EsfField[] = [];
  if (!s.participant.gender) missing.push("gender");
  if (!s.labourStatus) missing.push("labourStatus");
  if (!s.participant.schoolCertificate) missing.push("education");
  if (s.exitDate && !s.outcomes[0]) missing.push("outcome");
  return missing;
}

/**
 * Before reporting: which rows of the ESF export lack a mandatory field, per person, so the
 * lead can complete them (for roles that read participants; the names stay out of the export).
 */
export async function esfDataQuality(projectId: string, period: Period) {
  const stays = await staysInPeriod(projectId, period);
  const incomplete = stays.flatMap((s) => {
    const missing = missingFields(s);
    return missing.length
      ? [
          {
            participantId: s.participantId,
            name: `${s.participant.firstName} ${s.participant.lastName}`,
            entryDate: s.entryDate,
            exitDate: s.exitDate,
            missing,
          },
        ]
      : [];
  });
  const count = (field: EsfField) => incomplete.filter((r) => r.missing.includes(field)).length;
  return {
    rows: stays.length,
    incomplete,
    byField: ESF_REQUIRED.map((field) => ({ field, count: count(field) })),
  };
}

export async function esfSheet(projectId: string, period: Period): Promise<Sheet> {
  const stays = await staysInPeriod(projectId, period);
  // The number of each stay among the person's stays in the project (1 = first entry).
  const earlier = await db.participantStay.findMany({
    where: { projectId, participantId: { in: [...new Set(stays.map((s) => s.participantId))] } },
    orderBy: { entryDate: "asc" },
    select: { participantId: true, entryDate: true },
  });
  const entriesOf = new Map<string, number[]>();
  for (const e of earlier) {
    const list = entriesOf.get(e.participantId) ?? [];
    list.push(e.entryDate.getTime());
    entriesOf.set(e.participantId, list);
  }
  const stayNumber = (participantId: string, entryDate: Date) =>
    (entriesOf.get(participantId) ?? []).indexOf(entryDate.getTime()) + 1;
  return {
    name: "ESF-Monitoring",
    header: [
      t("esf.pseudonym"),
      t("esf.stay"),
      t("esf.entry"),
      t("esf.exit"),
      t("esf.gender"),
      t("esf.ageBand"),
      t("esf.labourStatus"),
      t("esf.education"),
      t("esf.outcome"),
      t("esf.missing"),
    ],
    rows: stays.map((s) => {
      const p = s.participant;
      const outcome = s.exitDate ? s.outcomes[0] : undefined;
      return [
        pseudonym(s.participantId),
        stayNumber(s.participantId, s.entryDate),
        s.entryDate,
        s.exitDate,
        label("gender", p.gender),
        ageBand(ageOn(p.birthDate, s.entryDate)),
        label("labour", s.labourStatus),
        p.schoolCertificate ? (ISCED[p.schoolCertificate] ?? "") : "",
        outcome
          ? `${label("outcome", outcome.type)}${outcome.type === "ausbildung" && outcome.partTime ? ` (${t("outcome.partTime")})` : ""}`
          : "",
        missingFields(s)
          .map((f) => labelOf("esfField", f))
          .join(", "),
      ];
    }),
  };
}
