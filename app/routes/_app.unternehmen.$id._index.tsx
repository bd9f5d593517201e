import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { LogInteractionForm } from "~/components/log-interaction-form";
import { OfferForm } from "~/components/offer-form";
import { Timeline } from "~/components/timeline";
import { labelOf } from "~/labels";
import { formatDate, today } from "~/lib/day";
import {
  errorsFrom,
  type FieldErrors,
  type FormValues,
  formValues,
  parseForm,
  parseFormData,
} from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { getCompany, listAssignableUsers } from "~/modules/company/detail.server";
import { findDuplicates } from "~/modules/company/duplicates.server";
import { changeCompanyStatus } from "~/modules/company/editing.server";
import { mergeCompanies } from "~/modules/company/merge.server";
import { archiveOfferSchema, offerSchema } from "~/modules/company/offer-schema";
import { archiveOffer, saveOffer } from "~/modules/company/offers.server";
import { statusChangeSchema } from "~/modules/company/schema";
import { OUTREACH_STATUSES } from "~/modules/company/values";
import { logInteraction } from "~/modules/interaction/log.server";
import { logInteractionSchema } from "~/modules/interaction/schema";
import { timelineFor } from "~/modules/interaction/timeline.server";
import { listOccupations } from "~/modules/reference/lists.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.company.name ?? ""} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "company");
  const company = await getCompany(params.id ?? "");
  if (!company) notFound();
  const page = Math.max(
    1,
    Math.min(1000, Number(new URL(request.url).searchParams.get("verlauf")) || 1),
  );
  const mayEdit = can(user.role, "update", "company");
  const mayMerge = can(user.role, "archive", "company");
  const [timeline, users, occupations, duplicates] = await Promise.all([
    timelineFor({ companyId: company.id }, page),
    listAssignableUsers(),
    mayEdit ? listOccupations() : Promise.resolve([]),
    mayMerge ? findDuplicates(company.name, company.plz, company.id) : Promise.resolve([]),
  ]);
  return {
    company,
    timeline,
    users,
    occupations,
    duplicates,
    me: user.id,
    today: today(),
    may: {
      log: can(user.role, "create", "interaction"),
      edit: mayEdit,
      addContact: can(user.role, "create", "contact"),
      match: can(user.role, "read", "matching"),
    },
  };
}

type Result = { intent: string; errors: FieldErrors; message: string | null; values?: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const intent = new URL(request.url).searchParams.get("intent") ?? "";
  const meta = { ip: context?.clientIp };
  if (intent === "status") {
    const { user } = await requirePermission(request, context, "update", "company");
    const form = await parseForm(request, statusChangeSchema);
    if (!form.ok)
      return data<Result>(
        { intent, errors: form.errors, message: t("field.invalidChoice") },
        { status: 400 },
      );
    try {
      const { name } = await changeCompanyStatus(user, id, form.data.status, meta);
      return redirectWithToast(`/unternehmen/${id}`, {
        kind: "success",
        text: t("company.moved", { name, status: labelOf("outreach", form.data.status) }),
      });
    } catch (error) {
      const e = errorsFrom(error);
      throw new Response(e.message, { status: e.status });
    }
  }
  if (intent === "merge") {
    const { user, scope } = await requirePermission(request, context, "archive", "company");
    const duplicateId = String((await request.formData()).get("duplicateId") ?? "").slice(0, 64);
    try {
      const { keptName, mergedName } = await mergeCompanies(user, scope, id, duplicateId, meta);
      return redirectWithToast(`/unternehmen/${id}`, {
        kind: "success",
        text: t("merge.done", { kept: keptName, merged: mergedName }),
      });
    } catch (error) {
      const e = errorsFrom(error);
      throw new Response(e.message, { status: e.status });
    }
  }
  if (intent === "offer" || intent === "offer-archive") {
    const { user } = await requirePermission(request, context, "update", "company");
    const formData = await request.formData();
    try {
      if (intent === "offer-archive") {
        const form = parseFormData(formData, archiveOfferSchema);
        if (!form.ok) throw new Response(t("validation.notFound"), { status: 400 });
        const { title } = await archiveOffer(user, id, form.data.offerId, meta);
        return redirectWithToast(`/unternehmen/${id}`, {
          kind: "success",
          text: t("offer.archived", { title }),
        });
      }
      const form = parseFormData(formData, offerSchema);
      if (!form.ok)
        return data<Result>(
          { intent, errors: form.errors, message: null, values: form.values },
          { status: 400 },
        );
      const { title } = await saveOffer(user, id, form.data, meta);
      return redirectWithToast(`/unternehmen/${id}`, {
        kind: "success",
        text: t("offer.saved", { title }),
      });
    } catch (error) {
      const e = errorsFrom(error);
      if (e.status === 404) throw new Response(e.message, { status: 404 });
      return data<Result>(
        { intent, errors: e.errors, message: e.message, values: formValues(formData) },
        { status: e.status },
      );
    }
  }
  const { user } = await requirePermission(request, context, "create", "interaction");
  const form = await parseForm(request, logInteractionSchema, ["topics"]);
  if (!form.ok)
    return data<Result>(
      { intent: "log", errors: form.errors, message: null, values: form.values },
      { status: 400 },
    );
  try {
    const result = await logInteraction(user, id, form.data, meta);
    const text = form.data.followUpDue
      ? t("interaction.savedWithFollowUp", {
          name: result.companyName,
          date: formatDate(form.data.followUpDue),
        })
      : t("interaction.saved", { name: result.companyName });
    return redirectWithToast(`/unternehmen/${id}`, { kind: "success", text });
  } catch (error) {
    const e = errorsFrom(error);
    if (e.status === 404) throw new Response(e.message, { status: 404 });
    return data<Result>(
      { intent: "log", errors: e.errors, message: e.message, values: form.values },
      { status: e.status },
    );
  }
}

export default function CompanyPage() {
  const { company, timeline, users, occupations, duplicates, me, today, may } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const offerResult = result?.intent === "offer" ? result : null;
  const offerInError = offerResult ? String(offerResult.values?.offerId ?? "") : null;
  const contacts = company.contacts.map((c) => ({
    id: c.id,
    name: `${c.firstName} ${c.lastName}`,
  }));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/unternehmen">{t("company.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{company.name}</h1>
        <span className={`status status-${company.outreachStatus}`}>
          {labelOf("outreach", company.outreachStatus)}
        </span>
        {company.multiplierType ? (
          <span className="badge">{labelOf("multiplier", company.multiplierType)}</span>
        ) : null}
        {may.edit ? (
          <Link to={`/unternehmen/${company.id}/bearbeiten`} className="button">
            {t("company.edit")}
          </Link>
        ) : null}
      </div>
      {result?.intent === "status" ? <FormError message={result.message} /> : null}
      <div className="detail-grid">
        <div className="detail-main">
          {may.log ? (
            <>
              {result?.intent === "log" ? <FormError message={result.message} /> : null}
              <LogInteractionForm
                contacts={contacts}
                users={users}
                me={me}
                today={today}
                errors={result?.intent === "log" ? result.errors : undefined}
                values={result?.intent === "log" ? result.values : undefined}
              />
            </>
          ) : null}
          <Timeline items={timeline.items} page={timeline.page} hasMore={timeline.hasMore} />
        </div>
        <aside className="detail-side">
          {duplicates.length ? (
            <section className="panel panel-warn" aria-labelledby="dubletten">
              <h2 id="dubletten">{t("merge.title")}</h2>
              <p className="field-hint">{t("merge.intro")}</p>
              <ul className="plain-list">
                {duplicates.map((d) => (
                  <li key={d.id}>
                    <Link to={`/unternehmen/${d.id}`}>{d.name}</Link> (
                    {[d.plz, d.city].filter(Boolean).join(" ")})
                    <Form method="post" action="?intent=merge">
                      <input type="hidden" name="duplicateId" value={d.id} />
                      <button type="submit" className="button button-small">
                        {t("merge.action")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="stamm">
            <h2 id="stamm">{t("company.details")}</h2>
            <dl className="facts">
              <dt>{t("company.place")}</dt>
              <dd>
                {[company.street, [company.plz, company.city].filter(Boolean).join(" ")]
                  .filter(Boolean)
                  .join(", ") || t("common.none")}
              </dd>
              <dt>{t("company.district")}</dt>
              <dd>{company.district?.name ?? t("common.none")}</dd>
              <dt>{t("company.industry")}</dt>
              <dd>{company.industry ?? t("common.none")}</dd>
              <dt>{t("company.partTime")}</dt>
              <dd>{labelOf("readiness", company.partTimeReadiness)}</dd>
              <dt>{t("company.informedAt")}</dt>
              <dd>
                {company.informedAt ? formatDate(company.informedAt) : t("company.notInformed")}
              </dd>
              <dt>{t("company.owner")}</dt>
              <dd>{company.owner?.name ?? t("common.none")}</dd>
              <dt>{t("company.phone")}</dt>
              <dd>
                {company.phone ? (
                  <a href={`tel:${company.phone.replace(/[^0-9+]/g, "")}`}>{company.phone}</a>
                ) : (
                  t("common.none")
                )}
              </dd>
              <dt>{t("company.email")}</dt>
              <dd>
                {company.email ? (
                  <a href={`mailto:${company.email}`}>{company.email}</a>
                ) : (
                  t("common.none")
                )}
              </dd>
              <dt>{t("company.website")}</dt>
              <dd>
                {company.website ? (
                  <a href={company.website} rel="noopener noreferrer nofollow" target="_blank">
                    {company.website}
                  </a>
                ) : (
                  t("common.none")
                )}
              </dd>
              <dt>{t("company.tags")}</dt>
              <dd>
                {company.tags.length
                  ? company.tags.map((x) => x.tag.name).join(", ")
                  : t("common.none")}
              </dd>
            </dl>
            {company.notes ? <p className="notes">{company.notes}</p> : null}
            {may.edit ? (
              <Form method="post" action="?intent=status" className="inline-form status-form">
                <input type="hidden" name="id" value={company.id} />
                <label htmlFor="status-select">{t("company.moveTo")}</label>
                <select id="status-select" name="status" defaultValue={company.outreachStatus}>
                  {OUTREACH_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {labelOf("outreach", s)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button-small">
                  {t("company.move")}
                </button>
              </Form>
            ) : null}
          </section>
          <section className="panel" aria-labelledby="angebote">
            <h2 id="angebote">{t("company.offers")}</h2>
            {company.offers.length === 0 ? <p>{t("company.noOffers")}</p> : null}
            <ul className="plain-list">
              {company.offers.map((o) => (
                <li key={o.id}>
                  <strong>{o.occupation.title}</strong> ({o.occupation.kldbCode}) –{" "}
                  {t("offer.placesFree", { free: o.places - o.placesFilled, places: o.places })}
                  {o.partTimePossible ? (
                    <span className="badge">{t("matching.partTime")}</span>
                  ) : null}
                  {o.internshipPossible ? (
                    <span className="badge">{t("matching.internship")}</span>
                  ) : null}
                  {o.startDate ? ` · ${t("matching.start")} ${formatDate(o.startDate)}` : null}
                  {may.match && o.places > o.placesFilled ? (
                    <>
                      {" · "}
                      <Link to={`/matching/${o.id}`}>{t("matching.participants")}</Link>
                    </>
                  ) : null}
                  {may.edit ? (
                    <details open={offerInError === o.id}>
                      <summary>{t("offer.edit")}</summary>
                      <OfferForm
                        offer={o}
                        occupations={occupations}
                        errors={offerInError === o.id ? offerResult?.errors : undefined}
                        values={offerInError === o.id ? offerResult?.values : undefined}
                      />
                      <Form method="post" action="?intent=offer-archive">
                        <input type="hidden" name="offerId" value={o.id} />
                        <button type="submit" className="button button-small">
                          {t("offer.archive")}
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
            {may.edit ? (
              <details open={offerInError === ""}>
                <summary>{t("offer.add")}</summary>
                <OfferForm
                  occupations={occupations}
                  errors={offerInError === "" ? offerResult?.errors : undefined}
                  values={offerInError === "" ? offerResult?.values : undefined}
                />
              </details>
            ) : null}
          </section>
          {company.outcomes.length ? (
            <section className="panel" aria-labelledby="vertraege">
              <h2 id="vertraege">{t("company.contracts")}</h2>
              <ul className="plain-list">
                {company.outcomes.map((o) => (
                  <li key={o.id}>
                    {o.occupation?.title ?? t("common.none")}
                    {o.startDate ? `, ${t("matching.start")} ${formatDate(o.startDate)}` : ""}
                    {o.partTime
                      ? `, ${t("outcome.partTime")}${o.weeklyHours ? ` (${t("participant.hoursShort", { hours: o.weeklyHours })})` : ""}`
                      : ""}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="personen">
            <h2 id="personen">{t("company.contacts")}</h2>
            {company.contacts.length === 0 ? <p>{t("company.noContacts")}</p> : null}
            {may.addContact ? (
              <p>
                <Link to={`/kontakte/neu?unternehmen=${company.id}`}>
                  {t("contact.addToCompany")}
                </Link>
              </p>
            ) : null}
            <ul className="plain-list">
              {company.contacts.map((c) => (
                <li key={c.id}>
                  <Link to={`/kontakte/${c.id}`}>
                    <strong>
                      {c.firstName} {c.lastName}
                    </strong>
                  </Link>
                  {c.function ? `, ${c.function}` : null}
                  {c.phone ? (
                    <>
                      <br />
                      <a href={`tel:${c.phone.replace(/[^0-9+]/g, "")}`}>{c.phone}</a>
                    </>
                  ) : null}
                  {c.email ? (
                    <>
                      <br />
                      <a href={`mailto:${c.email}`}>{c.email}</a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
