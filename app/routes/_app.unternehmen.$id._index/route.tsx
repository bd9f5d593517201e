import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Documents } from "~/components/documents";
import { PageErrorBoundary } from "~/components/error-page";
import { LogInteractionForm } from "~/components/log-interaction-form";
import { PhoneLink, QuickReach } from "~/components/phone-link";
import { Timeline } from "~/components/timeline";
import { labelOf } from "~/labels";
import { formatDate, today } from "~/lib/day";
import { dispatchIntent, orThrow, parseFormData, submitForm } from "~/lib/forms.server";
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
import { deleteDocument, listDocuments, saveDocument } from "~/modules/documents/documents.server";
import { loggedText, logInteraction, withNewEntry } from "~/modules/interaction/log.server";
import { logInteractionSchema } from "~/modules/interaction/schema";
import { timelineFor } from "~/modules/interaction/timeline.server";
import { documentDeleteSchema, documentUploadSchema } from "~/modules/participant/schema";
import { listOccupations } from "~/modules/reference/lists.server";
import { OfferForm } from "./offer-form";
import { StatusForm } from "./status-form";

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
  const [timeline, users, occupations, duplicates, documents] = await Promise.all([
    timelineFor({ companyId: company.id }, page),
    listAssignableUsers(),
    mayEdit ? listOccupations() : Promise.resolve([]),
    mayMerge ? findDuplicates(company.name, company.plz, company.id) : Promise.resolve([]),
    listDocuments({ companyId: company.id }),
  ]);
  return {
    company,
    timeline,
    users,
    occupations,
    duplicates,
    documents,
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const meta = { ip: context?.clientIp };
  const back = (text: string) => redirectWithToast(`/unternehmen/${id}`, { kind: "success", text });
  return dispatchIntent(
    request,
    {
      status: async () => {
        const { user } = await requirePermission(request, context, "update", "company");
        return submitForm(request, statusChangeSchema, async ({ status }) => {
          const { name } = await changeCompanyStatus(user, id, status, meta);
          return back(t("company.moved", { name, status: labelOf("outreach", status) }));
        });
      },
      merge: async () => {
        const { user, scope } = await requirePermission(request, context, "archive", "company");
        const duplicateId = String((await request.formData()).get("duplicateId") ?? "").slice(
          0,
          64,
        );
        const { keptName, mergedName } = await orThrow(
          mergeCompanies(user, scope, id, duplicateId, meta),
        );
        return back(t("merge.done", { kept: keptName, merged: mergedName }));
      },
      offer: async () => {
        const { user } = await requirePermission(request, context, "update", "company");
        return submitForm(request, offerSchema, async (input) => {
          const { title } = await saveOffer(user, id, input, meta);
          return back(t("offer.saved", { title }));
        });
      },
      "offer-archive": async () => {
        const { user } = await requirePermission(request, context, "update", "company");
        const form = parseFormData(await request.formData(), archiveOfferSchema);
        if (!form.ok) throw new Response(t("validation.notFound"), { status: 400 });
        const { title } = await orThrow(archiveOffer(user, id, form.data.offerId, meta));
        return back(t("offer.archived", { title }));
      },
      dokument: async () => {
        const { user, scope } = await requirePermission(request, context, "update", "company");
        return submitForm(request, documentUploadSchema, async ({ kind }, formData) => {
          const saved = await saveDocument(
            user,
            scope,
            { companyId: id },
            formData.get("datei"),
            kind,
            meta,
          );
          return back(t("document.uploaded", { name: saved.fileName }));
        });
      },
      "dokument-loeschen": async () => {
        const { user, scope } = await requirePermission(request, context, "update", "company");
        const form = parseFormData(await request.formData(), documentDeleteSchema);
        if (!form.ok) throw new Response(t("validation.notFound"), { status: 400 });
        const { fileName } = await orThrow(
          deleteDocument(user, scope, { companyId: id }, form.data.documentId, meta),
        );
        return back(t("document.deleted", { name: fileName }));
      },
      log: async () => {
        const { user } = await requirePermission(request, context, "create", "interaction");
        return submitForm(
          request,
          logInteractionSchema,
          async (input) => {
            const result = await logInteraction(user, id, input, meta);
            return redirectWithToast(withNewEntry(`/unternehmen/${id}`, result.interactionId), {
              kind: "success",
              text: loggedText(input, result.companyName),
            });
          },
          { multi: ["topics"] },
        );
      },
    },
    "log",
  );
}

export default function CompanyPage() {
  const { company, timeline, users, occupations, duplicates, documents, me, today, may } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const offerInError = reply?.intent === "offer" ? String(reply.values.offerId ?? "") : null;
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
      <QuickReach phone={company.phone} email={company.email} />
      <div className="detail-grid">
        <div className="detail-main">
          {may.log ? (
            <LogInteractionForm
              contacts={contacts}
              users={users}
              me={me}
              today={today}
              reply={reply}
            />
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
              <dd>{company.phone ? <PhoneLink phone={company.phone} /> : t("common.none")}</dd>
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
              <StatusForm id={company.id} status={company.outreachStatus} reply={reply} />
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
                      <OfferForm offer={o} occupations={occupations} reply={reply} />
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
                <OfferForm occupations={occupations} reply={reply} />
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
          <Documents documents={documents} owner="company" mayEdit={may.edit} reply={reply} />
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
                      <PhoneLink phone={c.phone} />
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
