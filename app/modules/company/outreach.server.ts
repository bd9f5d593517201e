import type { Tx } from "~/db.server";
import {
  nextOutreach,
  type OutreachEvent,
  type OutreachState,
  type OutreachStatus,
} from "./values";

// The one writer of a company's outreach status and "informed at" date. Editing, the board, the
// contact log, event check-in, the import and merging all come through here; the rule itself is
// `nextOutreach` in values.ts.

export type OutreachResult = OutreachState & { statusChanged: boolean };

/**
 * Applies outreach events to a company inside the caller's transaction: writes the new status
 * and informed date when they change, and records a status change (who, from, to). With
 * `versionBumped`, the caller has already counted this save in the company's version.
 */
export async function moveOutreach(
  tx: Tx,
  actorId: string,
  company: { id: string } & OutreachState,
  events: readonly OutreachEvent[],
  options: { now?: Date; versionBumped?: boolean } = {},
): Promise<OutreachResult> {
  const next = nextOutreach(company, events, options.now);
  const statusChanged = next.outreachStatus !== company.outreachStatus;
  const informedChanged = next.informedAt?.getTime() !== company.informedAt?.getTime();
  if (statusChanged || informedChanged) {
    await tx.company.update({
      where: { id: company.id },
      data: {
        outreachStatus: next.outreachStatus,
        informedAt: next.informedAt,
        ...(statusChanged && !options.versionBumped ? { version: { increment: 1 } } : {}),
      },
    });
  }
  if (statusChanged) {
    await tx.companyStatusChange.create({
      data: {
        companyId: company.id,
        fromStatus: company.outreachStatus,
        toStatus: next.outreachStatus,
        changedById: actorId,
      },
    });
  }
  return { ...next, statusChanged };
}

/** The outreach state of a new company with the chosen status (and informed date, if known). */
export const initialOutreach = (
  status: OutreachStatus,
  informedAt: Date | null = null,
  now = new Date(),
): OutreachState =>
  nextOutreach(
    { outreachStatus: status, informedAt: null },
    [
      { kind: "set", status },
      ...(informedAt ? [{ kind: "informed" as const, at: informedAt }] : []),
    ],
    now,
  );
