import { strToU8, zipSync } from "fflate";
import { db } from "~/db.server";
import { labelOf } from "~/labels";
import { formatDate, today } from "~/lib/day";
import { csvText, type Sheet } from "~/lib/spreadsheet.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { DATENARTEN, type DatenartKey } from "~/modules/retention/datenarten";
import { periodMonths } from "~/modules/retention/rules";
import { installationPeriods } from "~/modules/retention/rules.server";
import { getRequest, type Subject } from "./requests.server";
import { PERSON_DATENARTEN } from "./values";

// The copy for a request for information (Art. 15) or data portability (Art. 20): a ZIP with the
// person's data as one nested JSON file, one CSV per kind of record and a German LIESMICH.txt
// (purposes, recipients, retention per Datenart, rights). Only the person's own records go in:
// no other participant, no contact person of a company, no staff beyond who did what.

/** The person's consents and contact-log entries, as both kinds of person have them. */
const CONSENTS = {
  orderBy: { givenAt: "asc" },
  select: { purpose: true, givenAt: true, method: true, withdrawnAt: true, note: true },
} as const;
const INTERACTIONS = {
  where: { deletedAt: null },
  orderBy: { occurredAt: "asc" },
  select: {
    type: true,
    occurredAt: true,
    notes: true,
    outcome: true,
    author: { select: { name: true } },
  },
} as const;

type Table = { file: string; title: string; rows: Record<string, unknown>[] };

const cell = (v: unknown) =>
  v instanceof Date
    ? v
    : v === null || v === undefined
      ? ""
      : typeof v === "object"
        ? JSON.stringify(v)
        : (v as string | number | boolean);

function sheetOf(table: Table): Sheet {
  const header = [...new Set(table.rows.flatMap((r) => Object.keys(r)))];
  return { name: table.title, header, rows: table.rows.map((r) => header.map((h) => cell(r[h]))) };
}

async function participantData(id: string) {
  const p = await db.participant.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      gender: true,
      street: true,
      plz: true,
      city: true,
      district: { select: { name: true } },
      phone: true,
      email: true,
      childrenCount: true,
      youngestChildBirthDate: true,
      childcare: true,
      childcareHoursPerWeek: true,
      weeklyHoursAvailable: true,
      drivingLicence: true,
      hasCar: true,
      usesPublicTransport: true,
      maxCommuteMinutes: true,
      schoolCertificate: true,
      labourStatus: true,
      strengths: true,
      notes: true,
      status: true,
      entryDate: true,
      exitDate: true,
      coach: { select: { name: true } },
      createdAt: true,
      updatedAt: true,
      stays: {
        orderBy: { entryDate: "asc" },
        select: {
          entryDate: true,
          exitDate: true,
          labourStatus: true,
          project: { select: { name: true } },
        },
      },
      wishes: {
        orderBy: { rank: "asc" },
        select: { rank: true, occupation: { select: { title: true } } },
      },
      consents: CONSENTS,
      internships: {
        orderBy: { createdAt: "asc" },
        select: {
          company: { select: { name: true } },
          occupation: { select: { title: true } },
          startDate: true,
          endDate: true,
          hoursPerWeek: true,
          status: true,
          companyFeedback: true,
          participantFeedback: true,
        },
      },
      outcomes: {
        orderBy: { createdAt: "asc" },
        select: {
          type: true,
          company: { select: { name: true } },
          occupation: { select: { title: true } },
          partTime: true,
          weeklyHours: true,
          startDate: true,
          note: true,
        },
      },
      interactions: INTERACTIONS,
      followUps: {
        orderBy: { dueDate: "asc" },
        select: { title: true, dueDate: true, doneAt: true },
      },
      registrations: {
        orderBy: { createdAt: "asc" },
        select: {
          event: { select: { title: true, startsAt: true } },
          status: true,
          attendance: true,
          createdAt: true,
        },
      },
      shares: { select: { user: { select: { name: true } } } },
      caseNotes: {
        orderBy: { occurredOn: "asc" },
        select: { type: true, occurredOn: true, text: true, author: { select: { name: true } } },
      },
      documents: {
        orderBy: { createdAt: "asc" },
        select: {
          kind: true,
          fileName: true,
          size: true,
          createdAt: true,
          uploadedBy: { select: { name: true } },
        },
      },
    },
  });
  const {
    stays,
    wishes,
    consents,
    internships,
    outcomes,
    interactions,
    followUps,
    registrations,
    shares,
    caseNotes,
    documents,
    ...person
  } = p;
  const tables: Table[] = [
    {
      file: "person.csv",
      title: t("auskunft.person"),
      rows: [
        {
          ...person,
          district: person.district?.name ?? null,
          coach: person.coach?.name ?? null,
          sharedWith: shares.map((s) => s.user.name).join(", "),
        },
      ],
    },
    {
      file: "teilnahmen.csv",
      title: t("auskunft.stays"),
      rows: stays.map((s) => ({ ...s, project: s.project?.name ?? null })),
    },
    {
      file: "berufswuensche.csv",
      title: t("auskunft.wishes"),
      rows: wishes.map((w) => ({ rank: w.rank, occupation: w.occupation.title })),
    },
    {
      file: "einwilligungen.csv",
      title: t("auskunft.consents"),
      rows: consents.map((c) => ({ ...c, purpose: labelOf("consentPurpose", c.purpose) })),
    },
    {
      file: "praktika.csv",
      title: t("auskunft.internships"),
      rows: internships.map((i) => ({
        ...i,
        company: i.company.name,
        occupation: i.occupation.title,
      })),
    },
    {
      file: "verbleib.csv",
      title: t("auskunft.outcomes"),
      rows: outcomes.map((o) => ({
        ...o,
        company: o.company?.name ?? null,
        occupation: o.occupation?.title ?? null,
      })),
    },
    {
      file: "beratungskontakte.csv",
      title: t("auskunft.interactions"),
      rows: interactions.map((i) => ({ ...i, author: i.author.name })),
    },
    { file: "wiedervorlagen.csv", title: t("auskunft.followUps"), rows: followUps },
    {
      file: "veranstaltungen.csv",
      title: t("auskunft.events"),
      rows: registrations.map((r) => ({
        ...r,
        event: r.event.title,
        eventStartsAt: r.event.startsAt,
      })),
    },
    {
      file: "beratungsnotizen.csv",
      title: t("auskunft.caseNotes"),
      rows: caseNotes.map((n) => ({ ...n, author: n.author.name })),
    },
    {
      file: "dokumente.csv",
      title: t("auskunft.documents"),
      rows: documents.map((d) => ({ ...d, uploadedBy: d.uploadedBy.name })),
    },
  ];
  return { name: `${p.firstName} ${p.lastName}`, json: p, tables };
}

async function contactData(id: string) {
  const c = await db.contactPerson.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      salutation: true,
      firstName: true,
      lastName: true,
      function: true,
      email: true,
      phone: true,
      mobile: true,
      company: { select: { name: true } },
      multiplierType: true,
      notes: true,
      lastContactAt: true,
      createdAt: true,
      updatedAt: true,
      employments: {
        orderBy: { startedAt: "asc" },
        select: {
          company: { select: { name: true } },
          function: true,
          startedAt: true,
          endedAt: true,
        },
      },
      consents: CONSENTS,
      interactions: INTERACTIONS,
      registrations: {
        orderBy: { createdAt: "asc" },
        select: {
          event: { select: { title: true, startsAt: true } },
          status: true,
          attendance: true,
          createdAt: true,
        },
      },
      invitations: {
        orderBy: { createdAt: "asc" },
        select: { event: { select: { title: true, startsAt: true } }, createdAt: true },
      },
    },
  });
  const { employments, consents, interactions, registrations, invitations, ...person } = c;
  return {
    name: `${c.firstName} ${c.lastName}`,
    json: c,
    tables: [
      {
        file: "person.csv",
        title: t("auskunft.person"),
        rows: [{ ...person, company: person.company?.name ?? null }],
      },
      {
        file: "betriebe.csv",
        title: t("auskunft.employments"),
        rows: employments.map((e) => ({ ...e, company: e.company.name })),
      },
      { file: "einwilligungen.csv", title: t("auskunft.consents"), rows: consents },
      {
        file: "kontakte.csv",
        title: t("auskunft.interactions"),
        rows: interactions.map((i) => ({ ...i, author: i.author.name })),
      },
      {
        file: "veranstaltungen.csv",
        title: t("auskunft.events"),
        rows: [
          ...invitations.map((i) => ({
            event: i.event.title,
            eventStartsAt: i.event.startsAt,
            invitedAt: i.createdAt,
          })),
          ...registrations.map((r) => ({
            event: r.event.title,
            eventStartsAt: r.event.startsAt,
            status: r.status,
            attendance: r.attendance,
          })),
        ],
      },
    ] satisfies Table[],
  };
}

/** The German LIESMICH.txt: what the files are, why Lotse holds the data, for how long, who gets it. */
export function readme(subject: Subject, files: string[]): string {
  const periods = installationPeriods();
  const rules = (PERSON_DATENARTEN[subject.kind] as readonly DatenartKey[]).map((key) => {
    const rule = DATENARTEN[key];
    const months = periodMonths(key, periods);
    return [
      `- ${t(`datenart.${key}`)}`,
      `  ${t("auskunft.purpose")}: ${t(`datenartPurpose.${key}`)}`,
      `  ${t("auskunft.basis")}: ${t(`datenartBasis.${key}`)}`,
      `  ${t("auskunft.retention")}: ${
        rule.start === "with_person"
          ? t("retentionStart.with_person")
          : `${months} ${t("auskunft.monthsFrom")} ${t(`retentionStart.${rule.start}`)}`
      }; ${t(`retentionAction.${rule.action}`)}`,
    ].join("\n");
  });
  return [
    t("auskunft.readmeTitle", { date: formatDate(new Date()) }),
    "",
    t("auskunft.readmeIntro"),
    "",
    t("auskunft.files"),
    `- daten.json: ${t("auskunft.jsonFile")}`,
    ...files.map((f) => `- ${f}`),
    "",
    t("auskunft.purposes"),
    ...rules,
    "",
    t("auskunft.recipients"),
    "",
    t("auskunft.rights"),
    "",
  ].join("\r\n");
}

/** The ZIP for a request for information or portability; writing it is audited. */
export async function auskunftZip(
  user: SessionUser,
  requestId: string,
  meta: { ip?: string } = {},
) {
  const request = await getRequest(user, requestId);
  const data =
    request.subject.kind === "participant"
      ? await participantData(request.subject.id)
      : await contactData(request.subject.id);
  const files: Record<string, Uint8Array> = {
    "daten.json": strToU8(JSON.stringify(data.json, null, 2)),
  };
  for (const table of data.tables) files[table.file] = strToU8(csvText(sheetOf(table)));
  files["LIESMICH.txt"] = strToU8(
    `\uFEFF${readme(
      request.subject,
      data.tables.map((x) => `${x.file}: ${x.title}`),
    )}`,
  );
  const zip = zipSync(files, { level: 6, mtime: new Date() });
  await audit({
    actorId: user.id,
    action: "export",
    entityType: "subject_request",
    entityId: requestId,
    detail: t("auskunft.audit", { files: Object.keys(files).length }),
    ip: meta.ip,
  });
  return { zip, filename: `auskunft-${today()}.zip` };
}
