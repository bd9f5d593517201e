import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Documents } from "~/components/documents";
import { PageErrorBoundary } from "~/components/error-page";
import { LegalHolds } from "~/components/legal-holds";
import { SubjectRequests } from "~/components/subject-requests";
import { labelOf } from "~/labels";
import { addMonthsToDay, dayOf, formatDate, formatDateTime, today } from "~/lib/day";
import { dispatchIntent, orThrow, parseFormData, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { withdrawConsentSchema } from "~/modules/contact/schema";
import { deleteDocument, listDocuments, saveDocument } from "~/modules/documents/documents.server";
import { participantFollowUpSchema } from "~/modules/interaction/follow-up-schema";
import { createParticipantFollowUp } from "~/modules/interaction/follow-ups.server";
import { addCaseNote, caseFileFor } from "~/modules/participant/case-file.server";
import {
  correctStay,
  recordOutcome,
  recordParticipantConsent,
  reenterParticipant,
  setParticipantShare,
  undoReentry,
  withdrawParticipantConsent,
} from "~/modules/participant/editing.server";
import {
  caseNoteSchema,
  documentDeleteSchema,
  documentUploadSchema,
  outcomeSchema,
  participantConsentSchema,
  reentrySchema,
  shareSchema,
  stayCorrectionSchema,
  versionSchema,
} from "~/modules/participant/schema";
import {
  getParticipant,
  listCoaches,
  participantAuditTrail,
} from "~/modules/participant/service.server";
import { AGE_LIMIT, stayRules } from "~/modules/participant/values";
import { recordRequest, requestsOf } from "~/modules/requests/requests.server";
import { requestSchema } from "~/modules/requests/schema";
import { holdsOf, liftHold, setHold } from "~/modules/retention/holds.server";
import { holdSchema, liftHoldSchema } from "~/modules/retention/schema";
import { CaseFile } from "./case-file";
import { RecordConsent, WithdrawConsent } from "./consent-forms";
import { ParticipantFollowUp } from "./follow-up-form";
import { OutcomeForm } from "./outcome-form";
import { ShareForm } from "./share-forms";
import { Reentry, StayCorrection, UndoReentry } from "./stay-forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.participant.name : ""} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "read", "participant");
  const p = await getParticipant(user, scope, params.id ?? "", { ip: context?.clientIp });
  if (!p) notFound();
  const mayAudit = can(user.role, "read", "audit", "any");
  const mayShare =
    can(user.role, "update", "participant", "any") ||
    (can(user.role, "update", "participant") && p.coachId === user.id);
  const { firstName, lastName, ...rest } = p;
  const edit = can(user.role, "update", "participant");
  const stayFacts = p.stays.map((s) => ({ exitDate: s.exitDate, outcomeCount: s.outcomes.length }));
  const [caseFile, documents] = await Promise.all([
    caseFileFor(p.id),
    listDocuments({ participantId: p.id }),
  ]);
  return {
    participant: { ...rest, name: `${firstName} ${lastName}` },
    caseFile,
    documents,
    audit: mayAudit ? await participantAuditTrail(p.id) : null,
    requests: edit ? await requestsOf({ kind: "participant", id: p.id }) : null,
    holds: can(user.role, "update", "retention", "any")
      ? await holdsOf({ participantId: p.id })
      : null,
    coaches: mayShare
      ? (await listCoaches()).filter(
          (c) => c.id !== p.coachId && !p.shares.some((s) => s.user.id === c.id),
        )
      : null,
    may: {
      edit,
      match: can(user.role, "read", "matching"),
      correctStay: p.stays.map((_, i) => edit && stayRules.correctable(i, p.stays.length)),
      undoReentry: edit && stayRules.undoable(stayFacts),
      reenter: edit && stayRules.reenterable(p),
    },
    today: today(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const { user, scope } = await requirePermission(request, context, "update", "participant");
  const meta = { ip: context?.clientIp };
  const back = (text: string) =>
    redirectWithToast(`/teilnehmende/${id}`, { kind: "success", text });
  const share = (shared: boolean) =>
    submitForm(request, shareSchema, async ({ userId }) => {
      await setParticipantShare(user, scope, id, userId, shared, meta);
      return back(t("participant.shareSaved"));
    });
  return dispatchIntent(
    request,
    {
      withdraw: () =>
        submitForm(request, withdrawConsentSchema, async ({ consentId, withdrawnAt }) => {
          const { notice } = await withdrawParticipantConsent(
            user,
            scope,
            id,
            consentId,
            withdrawnAt,
            meta,
          );
          return back(notice);
        }),
      share: () => share(true),
      unshare: () => share(false),
      outcome: () =>
        submitForm(request, outcomeSchema, async (input) => {
          await recordOutcome(user, scope, id, input, meta);
          return back(t("outcome.saved"));
        }),
      stay: () =>
        submitForm(request, stayCorrectionSchema, async (input) => {
          const { name } = await correctStay(user, scope, id, input, meta);
          const number = Number(new URL(request.url).searchParams.get("nr")) || 0;
          return back(t("stay.corrected", { name, number }));
        }),
      "undo-reentry": () =>
        submitForm(request, versionSchema, async ({ version }) => {
          const { name } = await undoReentry(user, scope, id, version, meta);
          return back(t("stay.undone", { name }));
        }),
      reenter: () =>
        submitForm(request, reentrySchema, async (input) => {
          const { name } = await reenterParticipant(user, scope, id, input, meta);
          return back(t("stay.reentered", { name }));
        }),
      wiedervorlage: async () => {
        await requirePermission(request, context, "create", "followup");
        return submitForm(request, participantFollowUpSchema, async (input) => {
          await createParticipantFollowUp(user, scope, id, input, meta.ip);
          return back(
            t("followup.created", { title: input.title, date: formatDate(input.dueDate) }),
          );
        });
      },
      notiz: () =>
        submitForm(request, caseNoteSchema, async (input) => {
          await addCaseNote(user, scope, id, input, meta);
          return back(
            input.followUpDue
              ? t("casefile.savedWithFollowUp", { date: formatDate(input.followUpDue) })
              : t("casefile.saved"),
          );
        }),
      dokument: () =>
        submitForm(request, documentUploadSchema, async ({ kind }, formData) => {
          const saved = await saveDocument(
            user,
            scope,
            { participantId: id },
            formData.get("datei"),
            kind,
            meta,
          );
          return back(t("document.uploaded", { name: saved.fileName }));
        }),
      "dokument-loeschen": async () => {
        const form = parseFormData(await request.formData(), documentDeleteSchema);
        if (!form.ok) throw new Response(t("validation.notFound"), { status: 400 });
        const { fileName } = await orThrow(
          deleteDocument(user, scope, { participantId: id }, form.data.documentId, meta),
        );
        return back(t("document.deleted", { name: fileName }));
      },
      hold: async () => {
        await requirePermission(request, context, "update", "retention", "any");
        return submitForm(request, holdSchema, async (input) => {
          await setHold(user, { participantId: id }, input, meta);
          return back(t("hold.saved"));
        });
      },
      unhold: async () => {
        await requirePermission(request, context, "update", "retention", "any");
        return submitForm(request, liftHoldSchema, async ({ holdId }) => {
          await liftHold(user, { participantId: id }, holdId, meta);
          return back(t("hold.lifted"));
        });
      },
      request: () =>
        submitForm(request, requestSchema, async (input) => {
          const created = await recordRequest(user, { kind: "participant", id }, input, meta);
          return redirectWithToast(`/antraege/${created.id}`, {
            kind: "success",
            text: t("request.recorded", {
              date: formatDate(addMonthsToDay(dayOf(input.receivedOn), 1)),
            }),
          });
        }),
      consent: () =>
        submitForm(request, participantConsentSchema, async ({ purpose, ...consent }) => {
          await recordParticipantConsent(user, scope, id, purpose, consent, meta);
          return back(t("consent.saved"));
        }),
    },
    "consent",
  );
}

const yesNo = (v: boolean) => (v ? t("common.yes") : t("common.no"));
const label = labelOf;
const orNone = (v: string | number | null) => (v == null || v === "" ? t("common.none") : v);

export default function ParticipantPage() {
  const {
    participant: p,
    caseFile,
    documents,
    audit,
    holds,
    requests,
    coaches,
    may,
    today,
  } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const internshipCompanies = [
    ...new Map(p.internships.map((i) => [i.company.id, i.company])).values(),
  ];
  const profileConsent = p.consents.some(
    (c) => c.purpose === "profil_weitergabe" && !c.withdrawnAt,
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/teilnehmende">{t("participant.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{p.name}</h1>
        <span className={`status status-${p.status}`}>{label("pstatus", p.status)}</span>
        {may.edit ? (
          <Link to={`/teilnehmende/${p.id}/bearbeiten`} className="button">
            {t("participant.edit")}
          </Link>
        ) : null}
        {may.match ? (
          <Link to={`/teilnehmende/${p.id}/matching`} className="button button-primary">
            {t("participant.matches")}
          </Link>
        ) : null}
        {profileConsent ? (
          <Link to={`/teilnehmende/${p.id}/profil`} className="button">
            {t("participant.profile")}
          </Link>
        ) : null}
      </div>
      {may.edit ? <ParticipantFollowUp reply={reply} /> : null}
      {p.ageAtEntry >= AGE_LIMIT ? (
        <p className="notice notice-warn" role="status">
          {t("participant.ageWarning", { age: p.ageAtEntry })}
        </p>
      ) : null}
      <div className="detail-grid">
        <div className="detail-main">
          <section className="panel" aria-labelledby="person">
            <h2 id="person">{t("participant.personal")}</h2>
            <dl className="facts">
              <dt>{t("participant.birthDate")}</dt>
              <dd>
                {formatDate(p.birthDate)} ({t("participant.ageYears", { age: p.age })})
              </dd>
              <dt>{t("participant.gender")}</dt>
              <dd>{label("gender", p.gender)}</dd>
              <dt>{t("participant.address")}</dt>
              <dd>
                {[p.street, [p.plz, p.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") ||
                  t("common.none")}
              </dd>
              <dt>{t("participant.districtAgs")}</dt>
              <dd>{p.district?.name ?? t("common.none")}</dd>
              <dt>{t("participant.phone")}</dt>
              <dd>{orNone(p.phone)}</dd>
              <dt>{t("participant.email")}</dt>
              <dd>{orNone(p.email)}</dd>
              <dt>{t("participant.childrenCount")}</dt>
              <dd>{p.childrenCount}</dd>
              <dt>{t("participant.youngestChild")}</dt>
              <dd>
                {p.youngestChildBirthDate
                  ? `${formatDate(p.youngestChildBirthDate)} (${t("participant.ageYears", { age: p.youngestChildAge ?? 0 })})`
                  : t("common.none")}
              </dd>
              <dt>{t("participant.childcare")}</dt>
              <dd>
                {label("childcare", p.childcare)}
                {p.childcareHoursPerWeek != null
                  ? `, ${t("participant.hoursShort", { hours: p.childcareHoursPerWeek })}`
                  : ""}
              </dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="mobil">
            <h2 id="mobil">{t("participant.mobility")}</h2>
            <dl className="facts">
              <dt>{t("participant.hoursAvailable")}</dt>
              <dd>{orNone(p.weeklyHoursAvailable)}</dd>
              <dt>{t("participant.drivingLicence")}</dt>
              <dd>{yesNo(p.drivingLicence)}</dd>
              <dt>{t("participant.hasCar")}</dt>
              <dd>{yesNo(p.hasCar)}</dd>
              <dt>{t("participant.publicTransport")}</dt>
              <dd>{yesNo(p.usesPublicTransport)}</dd>
              <dt>{t("participant.maxCommute")}</dt>
              <dd>{orNone(p.maxCommuteMinutes)}</dd>
              <dt>{t("participant.school")}</dt>
              <dd>{label("school", p.schoolCertificate)}</dd>
              <dt>{t("participant.labourStatus")}</dt>
              <dd>{label("labour", p.labourStatus)}</dd>
            </dl>
            <h3>{t("participant.wishes")}</h3>
            {p.wishes.length ? (
              <ol>
                {p.wishes.map((w) => (
                  <li key={w.occupation.id}>
                    {w.occupation.title} ({w.occupation.kldbCode})
                  </li>
                ))}
              </ol>
            ) : (
              <p>{t("common.none")}</p>
            )}
            {p.strengths ? (
              <>
                <h3>{t("participant.strengths")}</h3>
                <p className="notes">{p.strengths}</p>
              </>
            ) : null}
          </section>
          <CaseFile items={caseFile} mayEdit={may.edit} today={today} reply={reply} />
          <Documents documents={documents} owner="participant" mayEdit={may.edit} reply={reply} />
          <section className="panel" aria-labelledby="praktika">
            <h2 id="praktika">{t("participant.internships")}</h2>
            {p.internships.length ? (
              <ul className="plain-list">
                {p.internships.map((i) => (
                  <li key={i.id}>
                    <Link to={`/praktika/${i.id}`}>
                      {i.occupation.title} – {i.company.name}
                    </Link>{" "}
                    <span className={`status status-${i.status}`}>
                      {label("istatus", i.status)}
                    </span>{" "}
                    {i.startDate ? `${formatDate(i.startDate)} – ${formatDate(i.endDate)}` : ""}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("common.none")}</p>
            )}
          </section>
          <section className="panel" aria-labelledby="verbleib">
            <h2 id="verbleib">{t("participant.outcomes")}</h2>
            {p.outcomes.length ? (
              <ul className="plain-list">
                {p.outcomes.map((o) => (
                  <li key={o.id}>
                    <strong>{label("outcome", o.type)}</strong>
                    {o.type === "ausbildung" && o.company && o.occupation
                      ? `: ${t("outcome.contract", {
                          occupation: o.occupation.title,
                          company: o.company.name,
                          partTime:
                            o.partTime && o.weeklyHours
                              ? t("outcome.partTimeHours", { hours: o.weeklyHours })
                              : "",
                          start: formatDate(o.startDate),
                        })}`
                      : [o.company?.name, o.occupation?.title, formatDate(o.startDate)]
                          .filter((x) => x && x !== "–")
                          .map((x) => ` · ${x}`)
                          .join("")}
                    {o.note ? <p className="field-hint">{o.note}</p> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("participant.noOutcome")}</p>
            )}
            {may.edit ? (
              <OutcomeForm
                wishes={p.wishes.map((w) => w.occupation)}
                companies={internshipCompanies}
                reply={reply}
              />
            ) : null}
          </section>
        </div>
        <aside className="detail-side">
          <section className="panel" aria-labelledby="projekt">
            <h2 id="projekt">{t("participant.programme")}</h2>
            <dl className="facts">
              <dt>{t("participant.coach")}</dt>
              <dd>{p.coach?.name ?? t("common.none")}</dd>
              <dt>{t("participant.entryDate")}</dt>
              <dd>{formatDate(p.entryDate)}</dd>
              <dt>{t("participant.exitDate")}</dt>
              <dd>{formatDate(p.exitDate)}</dd>
            </dl>
            {p.notes ? <p className="notes">{p.notes}</p> : null}
          </section>
          <section className="panel" aria-labelledby="teilnahmen">
            <h2 id="teilnahmen">{t("stay.title")}</h2>
            {p.stays.length ? (
              <ol className="plain-list stays">
                {p.stays.map((s, i) => (
                  <li key={s.id}>
                    <strong>
                      {t("stay.number")} {i + 1}
                    </strong>
                    : {formatDate(s.entryDate)} –{" "}
                    {s.exitDate ? formatDate(s.exitDate) : t("stay.current")}
                    {s.project ? ` · ${s.project.name}` : ""}
                    <br />
                    <span className="muted">
                      {t("participant.labourStatus")}: {label("labour", s.labourStatus)}
                      {s.exitDate
                        ? ` · ${t("stay.outcome")}: ${label("outcome", s.outcomes[0]?.type ?? null)}`
                        : ""}
                    </span>
                    {may.correctStay[i] ? (
                      <StayCorrection stay={s} number={i + 1} version={p.version} reply={reply} />
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t("stay.none")}</p>
            )}
            {may.undoReentry ? <UndoReentry version={p.version} reply={reply} /> : null}
            {may.reenter ? (
              <Reentry
                version={p.version}
                today={today}
                labourStatus={p.labourStatus}
                reply={reply}
              />
            ) : null}
          </section>
          <section className="panel" aria-labelledby="geteilt">
            <h2 id="geteilt">{t("participant.shares")}</h2>
            {p.shares.length ? (
              <ul className="plain-list">
                {p.shares.map((s) => (
                  <li key={s.user.id}>
                    {s.user.name}
                    {coaches ? (
                      <Form method="post" action="?intent=unshare" className="inline-form">
                        <input type="hidden" name="userId" value={s.user.id} />
                        <button type="submit" className="button button-small">
                          {t("participant.shareRemove")}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("participant.shareNone")}</p>
            )}
            {coaches?.length ? <ShareForm coaches={coaches} reply={reply} /> : null}
          </section>
          <section className="panel" aria-labelledby="einwilligungen">
            <h2 id="einwilligungen">{t("participant.consents")}</h2>
            {p.consents.length ? (
              <ul className="plain-list">
                {p.consents.map((c) => (
                  <li key={c.id}>
                    <strong>{label("consentPurpose", c.purpose)}</strong>:{" "}
                    {t("participant.consentGiven", {
                      date: formatDate(c.givenAt),
                      method: label("cmethod", c.method),
                    })}
                    {c.withdrawnAt ? (
                      <>
                        {", "}
                        {t("consent.withdrawn", { date: formatDate(c.withdrawnAt) })}
                      </>
                    ) : may.edit ? (
                      <WithdrawConsent consentId={c.id} today={today} reply={reply} />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("participant.noConsents")}</p>
            )}
            {may.edit ? <RecordConsent today={today} reply={reply} /> : null}
          </section>
          {holds ? <LegalHolds holds={holds} reply={reply} /> : null}
          {requests ? <SubjectRequests requests={requests} today={today} reply={reply} /> : null}
          {audit ? (
            <section className="panel" aria-labelledby="protokoll">
              <h2 id="protokoll">{t("participant.audit")}</h2>
              <p className="field-hint">{t("participant.auditHint")}</p>
              <ul className="plain-list audit-list">
                {audit.map((a) => (
                  <li key={a.id}>
                    {formatDateTime(a.createdAt)} · {a.actor?.name ?? t("common.none")} ·{" "}
                    {label("auditAction", a.action)}
                    {a.detail ? ` (${a.detail.slice(0, 80)})` : ""}
                  </li>
                ))}
              </ul>
              <p>
                <Link to={`/verwaltung/protokoll?person=tn:${p.id}`}>{t("audit.personLink")}</Link>
              </p>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
