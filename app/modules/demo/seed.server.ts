import { db } from "~/db.server";
import { addDays, atTime, dateOnly, dayOf, today } from "~/lib/day";
import { seededRandom } from "~/lib/random";
import { normalizeCompanyName, personSearchName } from "~/lib/text";
import { hashPassword } from "~/modules/auth/password.server";
import { OUTREACH_STATUSES } from "~/modules/company/values";
import { moveParticipantStatus } from "~/modules/participant/status.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { DEMO_ACCOUNTS } from "./accounts";

// Fictional demo data: real districts and PLZ, invented people and companies. Deterministic, so
// screenshots and tests see the same data every time.

const FIRST_NAMES = [
  "Anna",
  "Lena",
  "Sarah",
  "Julia",
  "Laura",
  "Lisa",
  "Marie",
  "Sophie",
  "Jana",
  "Nadine",
  "Katrin",
  "Sandra",
  "Thomas",
  "Michael",
  "Stefan",
  "Andreas",
  "Frank",
  "Jens",
  "Uwe",
  "Kai",
  "Sven",
  "Ralf",
  "Heike",
  "Ines",
  "Doreen",
  "Mandy",
  "Peggy",
  "Franziska",
  "Yvonne",
  "Maik",
];
/** The men among FIRST_NAMES: the salutation follows the name. */
const MEN = new Set([
  "Thomas",
  "Michael",
  "Stefan",
  "Andreas",
  "Frank",
  "Jens",
  "Uwe",
  "Kai",
  "Sven",
  "Ralf",
  "Maik",
]);
const LAST_NAMES = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Krüger",
  "Hofmann",
  "Hartmann",
  "Lange",
  "Schmitt",
  "Werner",
  "Krause",
  "Lehmann",
  "Köhler",
  "Herrmann",
  "König",
];
const YOUNG_FATHERS = new Set(["Kevin", "Dennis"]);
const ESF_LABOUR = ["arbeitslos", "langzeitarbeitslos", "nicht_erwerbstaetig", "arbeitslos"];
const YOUNG_NAMES = [
  "Celina",
  "Jacqueline",
  "Chantal",
  "Vanessa",
  "Michelle",
  "Jessica",
  "Nicole",
  "Melanie",
  "Jasmin",
  "Tanja",
  "Kevin",
  "Dennis",
  "Lea",
  "Emily",
  "Mia",
  "Leonie",
  "Alina",
  "Selina",
  "Angelina",
  "Pia",
];

// name templates per industry, with the occupations such companies train in
const INDUSTRIES: {
  industry: string;
  names: string[];
  legalForm: string;
  occupations: string[];
}[] = [
  {
    industry: "Gesundheit",
    names: [
      "Praxis Dr. {last}",
      "Hausarztpraxis {last}",
      "Zahnarztpraxis {last}",
      "Tierarztpraxis {last}",
    ],
    legalForm: "Praxis",
    occupations: [
      "Medizinische/r Fachangestellte/r",
      "Zahnmedizinische/r Fachangestellte/r",
      "Tiermedizinische/r Fachangestellte/r",
    ],
  },
  {
    industry: "Pflege",
    names: ["Pflegedienst {last}", "Seniorenresidenz {place}", "Pflegeheim Am {place}"],
    legalForm: "GmbH",
    occupations: [
      "Pflegefachmann/-frau (Ausbildung)",
      "Altenpflegehelfer/in",
      "Kaufmann/-frau - Gesundheitswesen",
    ],
  },
  {
    industry: "Einzelhandel",
    names: ["{last} Markt", "Modehaus {last}", "Drogerie {last}", "Buchhandlung {last}"],
    legalForm: "e.K.",
    occupations: ["Kaufmann/-frau - Einzelhandel", "Verkäufer/in", "Drogist/in"],
  },
  {
    industry: "Handwerk",
    names: ["Tischlerei {last}", "Malerbetrieb {last}", "Elektro {last}", "Sanitär {last} & Söhne"],
    legalForm: "GmbH",
    occupations: [
      "Tischler/in",
      "Maler/in und Lackierer/in - Gestaltung und Instandhaltung",
      "Elektroniker/in - Energie- und Gebäudetechnik",
      "Anlagenmechaniker/in - Sanitär-, Heizungs- und Klimatechnik",
    ],
  },
  {
    industry: "Kfz",
    names: ["Autohaus {last}", "Kfz-Werkstatt {last}"],
    legalForm: "GmbH",
    occupations: [
      "Kraftfahrzeugmechatroniker/in - Personenkraftwagentechnik",
      "Automobilkaufmann/-frau",
    ],
  },
  {
    industry: "Gastronomie",
    names: ["Hotel {place}er Hof", "Gasthaus Zur Linde {place}", "Bäckerei {last}"],
    legalForm: "GmbH",
    occupations: [
      "Koch/Köchin",
      "Hotelfachmann/-frau",
      "Fachkraft - Gastronomie",
      "Bäcker/in",
      "Fachverkäufer/in - Lebensmittelhandwerk (Bäckerei)",
    ],
  },
  {
    industry: "Verwaltung und Büro",
    names: [
      "Steuerbüro {last}",
      "Kanzlei {last} & Partner",
      "Immobilien {last}",
      "Versicherungsbüro {last}",
    ],
    legalForm: "GbR",
    occupations: [
      "Kaufmann/-frau - Büromanagement",
      "Steuerfachangestellte/r",
      "Rechtsanwaltsfachangestellte/r",
      "Immobilienkaufmann/-frau",
    ],
  },
  {
    industry: "Logistik",
    names: ["Spedition {last}", "{place} Logistik"],
    legalForm: "GmbH & Co. KG",
    occupations: [
      "Fachkraft - Lagerlogistik",
      "Fachlagerist/in",
      "Berufskraftfahrer/in",
      "Kaufmann/-frau - Spedition und Logistikdienstleistung",
    ],
  },
  {
    industry: "Industrie",
    names: ["{place}er Metallbau", "Maschinenbau {last}", "Kunststofftechnik {place}"],
    legalForm: "GmbH",
    occupations: [
      "Industriemechaniker/in - Betriebstechnik",
      "Mechatroniker/in",
      "Industriekaufmann/-frau",
      "Zerspanungsmechaniker/in",
    ],
  },
  {
    industry: "Soziales",
    names: ["Kita Sonnenschein {place}", "Familienzentrum {place}"],
    legalForm: "e.V.",
    occupations: ["Sozialassistent/in", "Kinderpfleger/in", "Kaufmann/-frau - Büromanagement"],
  },
];

const MULTIPLIERS: { name: string; type: string; ags: string; plz: string }[] = [
  { name: "Industrie- und Handelskammer Magdeburg", type: "ihk", ags: "15003", plz: "39104" },
  { name: "Handwerkskammer Magdeburg", type: "hwk", ags: "15003", plz: "39104" },
  { name: "Jobcenter Landkreis Börde", type: "jobcenter", ags: "15083", plz: "39340" },
  { name: "Agentur für Arbeit Stendal", type: "jobcenter", ags: "15090", plz: "39576" },
  { name: "Netzwerk Alleinerziehende Salzland e.V.", type: "verband", ags: "15089", plz: "39418" },
  { name: "Berufsbildende Schulen Burg", type: "schule", ags: "15086", plz: "39288" },
];

const TOPICS = [
  "tz_informiert",
  "ausbildungsplatz_angefragt",
  "praktikumsplatz_angefragt",
  "absage",
];
const TYPES = ["anruf", "email", "besuch", "brief", "online"];
// Instants in the past (created, informed): a duration back from now.
const DAY = 24 * 60 * 60 * 1000;

export type SeedResult = { companies: number; contacts: number; participants: number };

/** Creates the demo users and data on an empty database. Does nothing when users exist. */
export async function seedDemoData(now = new Date()): Promise<SeedResult | null> {
  await ensureReferenceData();
  if ((await db.user.count()) > 0) return null;
  const rand = seededRandom(20261125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);
  // Date-only fields hold the calendar day (Berlin) as the forms store them.
  const todayIs = today(now);
  const dayAgo = (d: number) => dateOnly(addDays(todayIs, -d));
  const yearOf = (d: Date) => Number(dayOf(d).slice(0, 4));
  const two = (n: number) => String(n).padStart(2, "0");
  const birthday = (yearsAgo: number, month: number, day: number) =>
    dateOnly(`${yearOf(dayAgo(0)) - yearsAgo}-${two(month)}-${two(day)}`);
  const passwordHash = await hashPassword("demo-lotse-2026");

  const users = Object.fromEntries(
    await Promise.all(
      DEMO_ACCOUNTS.map(
        async (a) =>
          [
            a.role,
            await db.user.create({ data: { ...a, passwordHash }, select: { id: true } }),
          ] as const,
      ),
    ),
  );
  // A second coach without a login: her participants are invisible to the demo coach.
  const coach2 = await db.user.create({
    data: { email: "s.wolf@lotse.example", name: "Sabine Wolf", role: "jobcoach" },
    select: { id: true },
  });
  const coaches = [users.jobcoach!.id, coach2.id];
  const staff = [users.jobcoach!.id, coach2.id, users.vermittlung!.id, users.leitung!.id];

  const occupations = new Map(
    (await db.occupation.findMany({ select: { id: true, title: true } })).map((o) => [
      o.title,
      o.id,
    ]),
  );
  const served = await db.postalCode.findMany({
    where: { district: { served: true } },
    select: { plz: true, districtAgs: true, places: true },
  });

  const project = await db.project.create({
    data: {
      name: "MiKA-plus II",
      // Three calendar years that hold every demo stay (the earliest begins 680 days ago).
      startDate: dateOnly(`${yearOf(dayAgo(700))}-01-01`),
      endDate: dateOnly(`${yearOf(dayAgo(700)) + 2}-12-31`),
      funder: "Land Sachsen-Anhalt und ESF Plus",
      districts: {
        create: ["15003", "15083", "15086", "15089", "15090"].map((districtAgs) => ({
          districtAgs,
        })),
      },
      targets: {
        create: [
          { kpi: "participants", value: 114 },
          { kpi: "apprenticeship_rate", value: 0.5 },
          { kpi: "internships", value: 57 },
          { kpi: "workshops", value: 55 },
          { kpi: "employers_informed", value: 35 },
        ],
      },
    },
    select: { id: true },
  });

  const companies: { id: string; occupations: string[] }[] = [];
  const usedNames = new Set<string>();
  const contacts: { id: string; companyId: string; name: string }[] = [];
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < 60; i++) {
        const multiplier = i < MULTIPLIERS.length ? MULTIPLIERS[i]! : null;
        const kind = pick(INDUSTRIES);
        const location = multiplier
          ? (served.find((p) => p.plz === multiplier.plz) ?? pick(served))
          : pick(served);
        const place = location.places.split("; ")[0]!;
        const base = multiplier
          ? multiplier.name
          : pick(kind.names).replace("{last}", pick(LAST_NAMES)).replace("{place}", place);
        // Same name twice happens in real lists too, but the demo is easier to follow without it.
        const name = usedNames.has(base) ? `${base} (${place})` : base;
        usedNames.add(name);
        const status = multiplier ? "partner" : pick(OUTREACH_STATUSES);
        const informed = ["informiert", "interessiert", "bietet_plaetze", "partner"].includes(
          status,
        );
        const lastContact = dayAgo(int(1, 120));
        const company = await tx.company.create({
          data: {
            name,
            normalizedName: normalizeCompanyName(name),
            legalForm: multiplier ? "Körperschaft" : kind.legalForm,
            street: `${pick(["Haupt", "Bahnhof", "Schul", "Garten", "Markt", "Breite"])}straße ${int(1, 80)}`,
            plz: location.plz,
            city: place,
            districtAgs: multiplier?.ags ?? location.districtAgs,
            industry: multiplier ? "Öffentliche Einrichtung" : kind.industry,
            size: pick(["1-9", "10-49", "50-249", "250+"]),
            website: `https://www.beispiel-${i + 1}.example`,
            phone: `03${int(9, 9)}${int(1, 9)} ${int(100000, 999999)}`,
            ownerId: pick(staff),
            outreachStatus: status,
            partTimeReadiness: informed ? pick(["ja", "ja", "offen"]) : pick(["offen", "nein"]),
            isTrainingCompany: !multiplier && rand() > 0.3,
            takesInternships: !multiplier && rand() > 0.4,
            multiplierType: multiplier?.type ?? null,
            informedAt: informed ? daysAgo(int(10, 300)) : null,
            lastContactAt: lastContact,
            createdById: users.leitung!.id,
            createdAt: daysAgo(int(120, 500)),
          },
          select: { id: true },
        });
        const occ = multiplier ? [] : kind.occupations.filter(() => rand() > 0.4).slice(0, 3);
        for (const title of occ) {
          const occupationId = occupations.get(title);
          if (!occupationId) continue;
          await tx.trainingOffer.create({
            data: {
              companyId: company.id,
              occupationId,
              places: int(1, 3),
              partTimePossible: rand() > 0.4,
              startDate: dateOnly(`${yearOf(dayAgo(0)) + 1}-08-01`),
              internshipPossible: rand() > 0.3,
            },
          });
        }
        companies.push({ id: company.id, occupations: occ });
        const contactCount = i < 30 ? 3 : 2;
        for (let c = 0; c < contactCount; c++) {
          const first = pick(FIRST_NAMES);
          const last = pick(LAST_NAMES);
          const email = `${first}.${last}.${i}${c}@beispiel-${i + 1}.example`
            .toLowerCase()
            .replace(/[äöüß]/g, (ch) => ({ ä: "ae", ö: "oe", ü: "ue", ß: "ss" })[ch]!);
          const contact = await tx.contactPerson.create({
            data: {
              // (The pick keeps the demo's random sequence as it was.)
              salutation: pick(["Frau", "Herr"]) && (MEN.has(first) ? "Herr" : "Frau"),
              firstName: first,
              normalizedName: personSearchName(first, last),
              lastName: last,
              function: pick([
                "Geschäftsführung",
                "Ausbildungsleitung",
                "Personalabteilung",
                "Praxisleitung",
                "Inhaber:in",
              ]),
              email,
              phone: `03${int(9, 9)}${int(1, 9)} ${int(100000, 999999)}`,
              companyId: company.id,
              multiplierType: multiplier && c === 0 ? multiplier.type : null,
              ownerId: pick(staff),
              employments: { create: { companyId: company.id, startedAt: daysAgo(int(200, 900)) } },
              ...(rand() > 0.35
                ? {
                    consents: {
                      create: {
                        purpose: "email_einladungen",
                        givenAt: dayAgo(int(30, 400)),
                        method: pick(["schriftlich", "email", "online_formular"]),
                        recordedById: users.leitung!.id,
                      },
                    },
                  }
                : {}),
            },
            select: { id: true },
          });
          contacts.push({ id: contact.id, companyId: company.id, name: `${first} ${last}` });
        }
      }

      for (let k = 0; k < 220; k++) {
        const contact = pick(contacts);
        const author = pick(staff);
        const occurredAt = dayAgo(int(0, 240));
        const topic = pick(TOPICS);
        const interaction = await tx.interaction.create({
          data: {
            type: pick(TYPES),
            occurredAt,
            authorId: author,
            companyId: contact.companyId,
            contactId: contact.id,
            outcome: pick([
              "Rückruf vereinbart",
              "Infomaterial zugeschickt",
              "Interesse an Teilzeitausbildung",
              "Derzeit kein Bedarf",
              "Termin vor Ort vereinbart",
            ]),
            notes:
              pick([
                "Gespräch mit der Ausbildungsleitung.",
                "Offen für Teilzeitmodelle, Arbeitszeiten 8–14 Uhr möglich.",
                "Bitte im Frühjahr erneut anrufen.",
                "",
              ]) || null,
            topics: { create: [{ topic }] },
          },
          select: { id: true },
        });
        if (k % 5 === 0) {
          await tx.followUp.create({
            data: {
              title: pick([
                "Rückruf wegen Praktikumsplatz",
                "Infomaterial nachfassen",
                "Termin für Betriebsbesuch abstimmen",
                "Ausbildungsplätze 2027 erfragen",
              ]),
              dueDate: dayAgo(-int(-10, 20)),
              assigneeId: pick([users.jobcoach!.id, users.vermittlung!.id, coach2.id]),
              createdById: author,
              companyId: contact.companyId,
              contactId: contact.id,
              interactionId: interaction.id,
              doneAt: k % 15 === 0 ? daysAgo(1) : null,
            },
          });
        }
      }
    },
    { timeout: 120_000 },
  );

  const occupationIds = [...occupations.values()];
  const participants: { id: string; coachId: string; wish: string; name: string }[] = [];
  const statuses = [
    "interessiert",
    "aktiv",
    "aktiv",
    "aktiv",
    "im_praktikum",
    "in_ausbildung",
    "ausgeschieden",
  ];
  for (let p = 0; p < 30; p++) {
    const location = pick(served);
    const coachId = p < 14 ? coaches[0]! : coaches[1]!;
    const status = pick(statuses);
    const entry = dayAgo(int(30, 500));
    const wishTitles = pick(INDUSTRIES)
      .occupations.filter((t) => occupations.has(t))
      .slice(0, int(1, 3));
    const wishIds = wishTitles.length
      ? wishTitles.map((t) => occupations.get(t)!)
      : [pick(occupationIds)];
    const firstName = pick(YOUNG_NAMES);
    const lastName = pick(LAST_NAMES);
    const exitDate = status === "ausgeschieden" ? dayAgo(int(1, 25)) : null;
    // Two of them were recorded without their labour status at entry: the report's data
    // quality panel asks for it before the ESF export.
    const labourStatus = p === 7 || p === 12 ? null : ESF_LABOUR[p % ESF_LABOUR.length]!;
    const participant = await db.participant.create({
      data: {
        projectId: project.id,
        firstName,
        lastName,
        birthDate: birthday(int(18, 26), int(1, 12), int(1, 28)),
        // The gender follows the first name (the young fathers in the list are Kevin and Dennis).
        gender: YOUNG_FATHERS.has(firstName) ? "m" : "w",
        plz: location.plz,
        city: location.places.split("; ")[0],
        districtAgs: location.districtAgs,
        childrenCount: int(1, 3),
        youngestChildBirthDate: birthday(int(0, 6), int(1, 12), int(1, 28)),
        childcare: pick(["kita", "kita", "tagesmutter", "keine"]),
        childcareHoursPerWeek: pick([20, 25, 30, 35, 40]),
        weeklyHoursAvailable: pick([20, 25, 30, 35]),
        drivingLicence: rand() > 0.5,
        hasCar: rand() > 0.7,
        usesPublicTransport: true,
        maxCommuteMinutes: pick([30, 45, 60]),
        schoolCertificate: pick(["hauptschule", "realschule", "realschule", "ohne", "abitur"]),
        labourStatus,
        entryDate: entry,
        exitDate,
        status,
        coachId,
        stays: {
          create: [
            // One participant left early in the project (moved, child ill) and came back.
            ...(p === 3
              ? [
                  {
                    projectId: project.id,
                    entryDate: dayAgo(680),
                    exitDate: dayAgo(560),
                    labourStatus: "arbeitslos",
                  },
                ]
              : []),
            { projectId: project.id, entryDate: entry, exitDate, labourStatus },
          ],
        },
        wishes: {
          create: [...new Set(wishIds)].map((occupationId, idx) => ({
            occupationId,
            rank: idx + 1,
          })),
        },
        consents: {
          create: {
            purpose: "datenverarbeitung",
            givenAt: entry,
            method: "schriftlich",
            recordedById: coachId,
          },
        },
      },
      select: { id: true, stays: { orderBy: { entryDate: "asc" }, select: { id: true } } },
    });
    const stayId = participant.stays.at(-1)!.id;
    if (p === 3)
      await db.outcome.create({
        data: {
          participantId: participant.id,
          stayId: participant.stays[0]!.id,
          type: "sonstiges",
          startDate: dayAgo(560),
          note: "Umzug zur Familie, kam ein Jahr später zurück",
        },
      });
    participants.push({
      id: participant.id,
      coachId,
      wish: wishIds[0]!,
      name: `${firstName} ${lastName}`,
    });
    if (status === "in_ausbildung" || status === "ausgeschieden") {
      const company = pick(companies.filter((c) => c.occupations.length));
      await db.outcome.create({
        data: {
          participantId: participant.id,
          stayId,
          type:
            status === "in_ausbildung" ? "ausbildung" : pick(["ausbildung", "arbeit", "sonstiges"]),
          companyId: company.id,
          occupationId: occupations.get(company.occupations[0]!) ?? wishIds[0]!,
          partTime: true,
          weeklyHours: 30,
          startDate: dayAgo(int(10, 60)),
        },
      });
    }
  }

  const withOffers = companies.filter((c) => c.occupations.length);
  const internshipStatuses = [
    "vorgeschlagen",
    "vereinbart",
    "laeuft",
    "abgeschlossen",
    "abgeschlossen",
    "abgebrochen",
  ];
  const STATUS_PATH: Record<string, string[]> = {
    vorgeschlagen: ["vorgeschlagen"],
    vereinbart: ["vorgeschlagen", "vereinbart"],
    laeuft: ["vorgeschlagen", "vereinbart", "laeuft"],
    abgeschlossen: ["vorgeschlagen", "vereinbart", "laeuft", "abgeschlossen"],
    abgebrochen: ["vorgeschlagen", "vereinbart", "laeuft", "abgebrochen"],
  };
  for (let k = 0; k < 10; k++) {
    const participant = participants[k * 3]!;
    const company = pick(withOffers);
    const status = internshipStatuses[k % internshipStatuses.length]!;
    const start =
      status === "laeuft"
        ? dayAgo(3)
        : status.startsWith("abge")
          ? dayAgo(int(30, 120))
          : dayAgo(-int(7, 30));
    await db.internship.create({
      data: {
        projectId: project.id,
        participantId: participant.id,
        companyId: company.id,
        occupationId: occupations.get(company.occupations[0]!)!,
        startDate: start,
        endDate: dateOnly(addDays(today(start), 14)),
        hoursPerWeek: 25,
        supervisorId: contacts.find((c) => c.companyId === company.id)?.id,
        status,
        endReason: status === "abgebrochen" ? "kinderbetreuung" : null,
        // The way it got here, one step after the other, by the participant's coach.
        statusChanges: {
          create: (STATUS_PATH[status] ?? []).map((to, i, path) => ({
            fromStatus: i === 0 ? null : path[i - 1]!,
            toStatus: to,
            reason: to === "abgebrochen" ? "kinderbetreuung" : null,
            changedById: participant.coachId,
          })),
        },
        ledToOffer: status === "abgeschlossen" && k % 2 === 0,
        companyFeedback:
          status === "abgeschlossen"
            ? "Zuverlässig und freundlich im Umgang mit Patient:innen."
            : null,
      },
    });
  }
  // A participant is "im Praktikum" exactly while an internship runs, as the app keeps it.
  for (const p of await db.participant.findMany({
    where: { status: { in: ["interessiert", "aktiv", "im_praktikum"] } },
    select: { id: true, internships: { where: { status: "laeuft" }, select: { id: true } } },
  }))
    await moveParticipantStatus(
      db,
      null,
      p.id,
      p.internships.length ? "internship_started" : "internships_ended",
    );

  const events = [
    {
      type: "info_teilzeit",
      title: "Infoveranstaltung Teilzeitausbildung für Unternehmen",
      days: -40,
      forCompanies: true,
      place: "IHK Magdeburg, Alter Markt 8, 39104 Magdeburg",
    },
    {
      type: "ausbildungsforum",
      title: "8. Ausbildungsforum",
      days: 21,
      forCompanies: true,
      forParticipants: true,
      place: "Festung Mark, Hohepfortewall 1, 39104 Magdeburg",
    },
    {
      type: "stammtisch",
      title: "Ausbildungsstammtisch Börde",
      days: 9,
      forCompanies: true,
      place: "Gasthaus Zur Linde, Haldensleben",
    },
    {
      type: "workshop",
      title: "Workshop Bewerbungstraining",
      days: -12,
      forParticipants: true,
      place: "Projektbüro Magdeburg",
    },
  ];
  for (const [idx, e] of events.entries()) {
    const startsAt = atTime(addDays(todayIs, e.days), "14:00");
    const event = await db.event.create({
      data: {
        projectId: project.id,
        type: e.type,
        title: e.title,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
        place: e.place,
        capacity: 40,
        forCompanies: e.forCompanies ?? false,
        forParticipants: e.forParticipants ?? false,
        organiserId: users.leitung!.id,
        registrationDeadline: atTime(addDays(todayIs, e.days - 2), "23:59"),
        publicSlug: `demo-${idx + 1}-${Math.floor(rand() * 1e9).toString(36)}`,
        publicRegistration: e.forCompanies ?? false,
      },
      select: { id: true },
    });
    const past = e.days < 0;
    if (e.forCompanies) {
      for (const contact of contacts.slice(idx * 8, idx * 8 + 6)) {
        await db.eventRegistration.create({
          data: {
            eventId: event.id,
            contactId: contact.id,
            companyId: contact.companyId,
            name: contact.name,
            source: "einladung",
            attendance: past ? "anwesend" : null,
          },
        });
      }
    } else {
      for (const participant of participants.slice(0, 8)) {
        await db.eventRegistration.create({
          data: {
            eventId: event.id,
            participantId: participant.id,
            name: participant.name,
            source: "coach",
            attendance: past ? "anwesend" : null,
          },
        });
      }
    }
  }

  return {
    companies: companies.length,
    contacts: contacts.length,
    participants: participants.length,
  };
}

/** Outside demo mode the published demo logins must not work: they are deactivated, their sessions ended. */
export async function disableDemoAccounts(): Promise<number> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const users = await db.user.findMany({
    where: { email: { in: emails }, active: true },
    select: { id: true },
  });
  if (users.length === 0) return 0;
  const ids = users.map((u) => u.id);
  await db.$transaction([
    db.user.updateMany({ where: { id: { in: ids } }, data: { active: false, passwordHash: null } }),
    db.session.deleteMany({ where: { userId: { in: ids } } }),
  ]);
  return users.length;
}
