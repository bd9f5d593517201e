import { db } from "~/db.server";

/** Everything the company page shows, in one query (only the fields it shows). */
export async function getCompany(id: string) {
  return db.company.findFirst({
    where: { id, archivedAt: null },
    select: {
      id: true,
      name: true,
      legalForm: true,
      street: true,
      plz: true,
      city: true,
      districtAgs: true,
      districtOverridden: true,
      industry: true,
      size: true,
      website: true,
      phone: true,
      email: true,
      ownerId: true,
      outreachStatus: true,
      partTimeReadiness: true,
      isTrainingCompany: true,
      takesInternships: true,
      multiplierType: true,
      informedAt: true,
      lastContactAt: true,
      notes: true,
      version: true,
      district: { select: { name: true } },
      owner: { select: { name: true } },
      tags: { select: { tag: { select: { name: true } } } },
      offers: {
        where: { archivedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          places: true,
          placesFilled: true,
          partTimePossible: true,
          internshipPossible: true,
          startDate: true,
          version: true,
          occupation: { select: { id: true, title: true, kldbCode: true } },
        },
      },
      // Apprenticeship contracts placed here, without the person (the page is not social data).
      outcomes: {
        where: { type: "ausbildung" },
        orderBy: { startDate: { sort: "desc", nulls: "last" } },
        take: 50,
        select: {
          id: true,
          startDate: true,
          partTime: true,
          weeklyHours: true,
          occupation: { select: { title: true } },
        },
      },
      contacts: {
        where: { archivedAt: null },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        select: {
          id: true,
          salutation: true,
          firstName: true,
          lastName: true,
          function: true,
          email: true,
          phone: true,
        },
      },
    },
  });
}

/** Active users a company or follow-up can be assigned to (excluding admins). */
export const ASSIGNABLE_ROLES = ["leitung", "jobcoach", "vermittlung"] as const;

export function listAssignableUsers() {
  return db.user.findMany({
    where: { active: true, role: { in: [...ASSIGNABLE_ROLES] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
