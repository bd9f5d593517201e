import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { CheckboxField, FormError, SelectField, TextArea, TextField } from "~/components/form";
import { choiceOptions } from "~/components/participant-form";
import { labelOf } from "~/labels";
import { formatDate, formatDateTime, today } from "~/lib/day";
import {
  errorsFrom,
  type FieldErrors,
  type FormValues,
  formValues,
  parseFormData,
} from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { withdrawConsentSchema } from "~/modules/contact/schema";
import { CONSENT_METHODS } from "~/modules/contact/values";
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
import {
  AGE_LIMIT,
  LABOUR_STATUSES,
  OUTCOME_TYPES,
  PARTICIPANT_CONSENTS,
} from "~/modules/participant/values";

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
  return {
    participant: { ...rest, name: `${firstName} ${lastName}` },
    audit: mayAudit ? await participantAuditTrail(p.id) : null,
    coaches: mayShare
      ? (await listCoaches()).filter(
          (c) => c.id !== p.coachId && !p.shares.some((s) => s.user.id === c.id),
        )
      : null,
    may: {
      edit: can(user.role, "update", "participant"),
      match: can(user.role, "read", "matching"),
    },
    today: today(),
  };
}

type Result = { intent: string; errors: FieldErrors; message: string | null; values?: FormValues };

/** A form the schema refused: its errors at the fields and the typed values, for its intent. */
const refused = (intent: string, form: { errors: FieldErrors; values: FormValues }) =>
  data<Result>(
    { intent, errors: form.errors, message: null, values: form.values },
    { status: 400 },
  );

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const intent = new URL(request.url).searchParams.get("intent") ?? "";
  const { user, scope } = await requirePermission(request, context, "update", "participant");
  const meta = { ip: context?.clientIp };
  const formData = await request.formData();
  const back = (text: string) =>
    redirectWithToast(`/teilnehmende/${id}`, { kind: "success", text });
  try {
    if (intent === "withdraw") {
      const form = parseFormData(formData, withdrawConsentSchema);
      if (!form.ok) return refused(intent, form);
      await withdrawParticipantConsent(
        user,
        scope,
        id,
        form.data.consentId,
        form.data.withdrawnAt,
        meta,
      );
      return back(t("consent.withdrawSaved"));
    }
    if (intent === "share" || intent === "unshare") {
      const form = parseFormData(formData, shareSchema);
      if (!form.ok) return refused(intent, form);
      await setParticipantShare(user, scope, id, form.data.userId, intent === "share", meta);
      return back(t("participant.shareSaved"));
    }
    if (intent === "outcome") {
      const form = parseFormData(formData, outcomeSchema);
      if (!form.ok) return refused(intent, form);
      await recordOutcome(user, scope, id, form.data, meta);
      return back(t("outcome.saved"));
    }
    if (intent === "stay") {
      const form = parseFormData(formData, stayCorrectionSchema);
      if (!form.ok) return refused(intent, form);
      const { name } = await correctStay(user, scope, id, form.data, meta);
      const number = Number(new URL(request.url).searchParams.get("nr")) || 0;
      return back(t("stay.corrected", { name, number }));
    }
    if (intent === "undo-reentry") {
      const form = parseFormData(formData, versionSchema);
      if (!form.ok) return refused(intent, form);
      const { name } = await undoReentry(user, scope, id, form.data.version, meta);
      return back(t("stay.undone", { name }));
    }
    if (intent === "reenter") {
      const form = parseFormData(formData, reentrySchema);
      if (!form.ok) return refused(intent, form);
      const { name } = await reenterParticipant(user, scope, id, form.data, meta);
      return back(t("stay.reentered", { name }));
    }
    const form = parseFormData(formData, participantConsentSchema);
    if (!form.ok) return refused("consent", form);
    const { purpose, ...consent } = form.data;
    await recordParticipantConsent(user, scope, id, purpose, consent, meta);
    return back(t("consent.saved"));
  } catch (error) {
    const e = errorsFrom(error);
    if (e.status === 404) throw new Response(e.message, { status: 404 });
    // What was typed goes back with the refusal, so the form keeps it (also without JavaScript).
    return data<Result>(
      {
        intent: intent || "consent",
        errors: e.errors,
        message: e.message,
        values: formValues(formData),
      },
      { status: e.status },
    );
  }
}

const yesNo = (v: boolean) => (v ? t("common.yes") : t("common.no"));
const label = labelOf;
const orNone = (v: string | number | null) => (v == null || v === "" ? t("common.none") : v);

type Refusal = { message: string | null; errors: FieldErrors; values?: FormValues };

/** An earlier stay's dates and labour status, corrected in place. */
function StayCorrection({
  stay,
  number,
  version,
  result,
}: {
  stay: {
    id: string;
    entryDate: string | Date;
    exitDate: string | Date | null;
    labourStatus: string | null;
  };
  number: number;
  version: number;
  result?: Refusal;
}) {
  const value = (name: string, stored: string) =>
    result?.values?.[name] != null ? String(result.values[name]) : stored;
  return (
    <details open={Boolean(result)}>
      <summary>
        {t("stay.correct")}
        <span className="visually-hidden">
          {" "}
          {t("stay.number")} {number}
        </span>
      </summary>
      {result ? <FormError message={result.message} /> : null}
      <Form method="post" action={`?intent=stay&nr=${number}`} noValidate>
        <input type="hidden" name="stayId" value={stay.id} />
        <input type="hidden" name="version" value={version} />
        <TextField
          label={t("participant.entryDate")}
          name="entryDate"
          placeholder="TT.MM.JJJJ"
          defaultValue={value("entryDate", formatDate(stay.entryDate))}
          error={result?.errors.entryDate}
        />
        <TextField
          label={t("participant.exitDate")}
          name="exitDate"
          placeholder="TT.MM.JJJJ"
          defaultValue={value("exitDate", formatDate(stay.exitDate))}
          error={result?.errors.exitDate}
        />
        <SelectField
          label={t("participant.labourStatus")}
          name="labourStatus"
          options={choiceOptions(LABOUR_STATUSES, "labour")}
          defaultValue={value("labourStatus", stay.labourStatus ?? "")}
          error={result?.errors.labourStatus}
        />
        <button type="submit" className="button">
          {t("stay.correctSave")}
        </button>
      </Form>
    </details>
  );
}

export default function ParticipantPage() {
  const { participant: p, audit, coaches, may, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : undefined);
  const typed = (intent: string, name: string) =>
    result?.intent === intent ? String(result.values?.[name] ?? "") : undefined;
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
              <details open={result?.intent === "outcome"}>
                <summary>{t("outcome.title")}</summary>
                {result?.intent === "outcome" ? <FormError message={result.message} /> : null}
                <Form method="post" action="?intent=outcome" noValidate>
                  <div className="form-grid">
                    <SelectField
                      label={t("outcome.type")}
                      name="type"
                      options={OUTCOME_TYPES.map((o) => ({ value: o, label: label("outcome", o) }))}
                      defaultValue={typed("outcome", "type") ?? "ausbildung"}
                      error={errorsFor("outcome")?.type}
                    />
                    <SelectField
                      label={t("outcome.company")}
                      name="companyId"
                      options={[
                        { value: "", label: t("outcome.companyOther") },
                        ...internshipCompanies.map((c) => ({ value: c.id, label: c.name })),
                      ]}
                      defaultValue={typed("outcome", "companyId")}
                      error={errorsFor("outcome")?.companyId}
                    />
                    <TextField
                      label={t("outcome.companyName")}
                      name="companyName"
                      maxLength={200}
                      defaultValue={typed("outcome", "companyName")}
                      error={errorsFor("outcome")?.companyName}
                    />
                    <TextField
                      label={t("outcome.occupation")}
                      name="occupation"
                      list="outcome-occupations"
                      autoComplete="off"
                      maxLength={200}
                      hint={t("participant.wishHint")}
                      defaultValue={
                        typed("outcome", "occupation") ??
                        (p.wishes[0]
                          ? `${p.wishes[0].occupation.title} (${p.wishes[0].occupation.kldbCode})`
                          : "")
                      }
                      error={errorsFor("outcome")?.occupation}
                    />
                    <datalist id="outcome-occupations">
                      {p.wishes.map((w) => (
                        <option
                          key={w.occupation.id}
                          value={`${w.occupation.title} (${w.occupation.kldbCode})`}
                        />
                      ))}
                    </datalist>
                    <TextField
                      label={t("outcome.startDate")}
                      name="startDate"
                      placeholder="TT.MM.JJJJ"
                      defaultValue={typed("outcome", "startDate")}
                      error={errorsFor("outcome")?.startDate}
                    />
                    <TextField
                      label={t("outcome.weeklyHours")}
                      name="weeklyHours"
                      inputMode="numeric"
                      defaultValue={typed("outcome", "weeklyHours")}
                      error={errorsFor("outcome")?.weeklyHours}
                    />
                  </div>
                  <CheckboxField
                    label={t("outcome.partTime")}
                    name="partTime"
                    defaultChecked={typed("outcome", "partTime") === "on"}
                  />
                  <TextArea
                    label={t("outcome.note")}
                    name="note"
                    maxLength={1000}
                    defaultValue={typed("outcome", "note")}
                    error={errorsFor("outcome")?.note}
                  />
                  <button type="submit" className="button button-primary">
                    {t("outcome.save")}
                  </button>
                </Form>
              </details>
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
                    {may.edit && i < p.stays.length - 1 ? (
                      <StayCorrection
                        stay={s}
                        number={i + 1}
                        version={p.version}
                        result={typed("stay", "stayId") === s.id ? result : undefined}
                      />
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t("stay.none")}</p>
            )}
            {may.edit && p.stays.length > 1 && !p.exitDate && !p.stays.at(-1)?.outcomes.length ? (
              <Form method="post" action="?intent=undo-reentry" className="inline-form">
                {result?.intent === "undo-reentry" ? <FormError message={result.message} /> : null}
                <input type="hidden" name="version" value={p.version} />
                <button type="submit" className="button button-quiet">
                  {t("stay.undo")}
                </button>
              </Form>
            ) : null}
            {may.edit && p.exitDate ? (
              <details open={result?.intent === "reenter"}>
                <summary>{t("stay.reenter")}</summary>
                {result?.intent === "reenter" ? <FormError message={result.message} /> : null}
                <Form method="post" action="?intent=reenter" noValidate>
                  <p className="hint">{t("stay.reenterHint")}</p>
                  <input type="hidden" name="version" value={p.version} />
                  <TextField
                    label={t("participant.entryDate")}
                    name="entryDate"
                    placeholder="TT.MM.JJJJ"
                    defaultValue={typed("reenter", "entryDate") ?? formatDate(new Date(today))}
                    error={errorsFor("reenter")?.entryDate}
                  />
                  <SelectField
                    label={t("participant.labourStatus")}
                    name="labourStatus"
                    options={choiceOptions(LABOUR_STATUSES, "labour")}
                    defaultValue={typed("reenter", "labourStatus") ?? p.labourStatus ?? ""}
                    error={errorsFor("reenter")?.labourStatus}
                  />
                  <button type="submit" className="button">
                    {t("stay.reenterSave")}
                  </button>
                </Form>
              </details>
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
            {coaches?.length ? (
              <Form method="post" action="?intent=share" className="inline-form">
                <SelectField
                  label={t("participant.shareWith")}
                  name="userId"
                  options={coaches.map((c) => ({ value: c.id, label: c.name }))}
                  hint={t("participant.shareHint")}
                  error={errorsFor("share")?.userId}
                />
                <button type="submit" className="button button-small">
                  {t("participant.shareAdd")}
                </button>
              </Form>
            ) : null}
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
                      <Form method="post" action="?intent=withdraw" className="inline-form">
                        <input type="hidden" name="consentId" value={c.id} />
                        <TextField
                          label={t("consent.withdrawnAt")}
                          name="withdrawnAt"
                          id={`withdrawn-${c.id}`}
                          defaultValue={formatDate(today)}
                          error={errorsFor("withdraw")?.withdrawnAt}
                        />
                        <button type="submit" className="button button-small">
                          {t("consent.withdraw")}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("participant.noConsents")}</p>
            )}
            {may.edit ? (
              <details open={result?.intent === "consent"}>
                <summary>{t("consent.record")}</summary>
                {result?.intent === "consent" ? <FormError message={result.message} /> : null}
                <Form method="post" action="?intent=consent" noValidate>
                  <SelectField
                    label={t("participant.consentPurpose")}
                    name="purpose"
                    options={PARTICIPANT_CONSENTS.map((c) => ({
                      value: c,
                      label: label("consentPurpose", c),
                    }))}
                    defaultValue={typed("consent", "purpose")}
                    error={errorsFor("consent")?.purpose}
                  />
                  <TextField
                    label={t("consent.givenAt")}
                    name="givenAt"
                    defaultValue={typed("consent", "givenAt") ?? formatDate(today)}
                    error={errorsFor("consent")?.givenAt}
                  />
                  <SelectField
                    label={t("consent.method")}
                    name="method"
                    options={CONSENT_METHODS.map((m) => ({ value: m, label: label("cmethod", m) }))}
                    defaultValue={typed("consent", "method")}
                    error={errorsFor("consent")?.method}
                  />
                  <TextField
                    label={t("consent.note")}
                    name="note"
                    maxLength={300}
                    defaultValue={typed("consent", "note")}
                    error={errorsFor("consent")?.note}
                  />
                  <button type="submit" className="button button-primary">
                    {t("consent.save")}
                  </button>
                </Form>
              </details>
            ) : null}
          </section>
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
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
