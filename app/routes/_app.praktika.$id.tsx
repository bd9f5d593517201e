import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import {
  CheckboxField,
  DateField,
  FormError,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from "~/components/form";
import { labelledOptions, labelOf } from "~/labels";
import { formatDate, formatDateTime } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { getInternship, updateInternship } from "~/modules/internship/editing.server";
import { internshipSchema } from "~/modules/internship/schema";
import { END_REASONS, statusChoices } from "~/modules/internship/values";

export const meta: MetaFunction = () => [{ title: `${t("internship.title")} – ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "read", "internship");
  const internship = await getInternship(user, scope, params.id ?? "");
  if (!internship) notFound();
  return { internship, mayEdit: can(user.role, "update", "internship") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "update", "internship");
  const id = params.id ?? "";
  return submitForm(request, internshipSchema, async (input) => {
    await updateInternship(user, scope, id, input, { ip: context?.clientIp });
    return redirectWithToast(`/praktika/${id}`, { kind: "success", text: t("internship.saved") });
  });
}

type Internship = {
  version: number;
  status: string;
  startDate: string | Date | null;
  endDate: string | Date | null;
  hoursPerWeek: number | null;
  supervisorId: string | null;
  companyFeedback: string | null;
  participantFeedback: string | null;
  ledToOffer: boolean;
  endReason: string | null;
  company: {
    contacts: { id: string; firstName: string; lastName: string; function: string | null }[];
  };
};

/** Status (only the next steps), dates, hours, supervisor and both sides' feedback. */
function InternshipForm({
  internship: i,
  reply,
}: {
  internship: Internship;
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(internshipSchema, {
    reply,
    defaults: {
      version: i.version,
      status: i.status,
      startDate: i.startDate ? formatDate(i.startDate) : "",
      endDate: i.endDate ? formatDate(i.endDate) : "",
      hoursPerWeek: i.hoursPerWeek ?? "",
      supervisorId: i.supervisorId ?? "",
      companyFeedback: i.companyFeedback ?? "",
      participantFeedback: i.participantFeedback ?? "",
      ledToOffer: i.ledToOffer,
      endReason: i.endReason ?? "",
    },
  });
  return (
    <Form {...form.props} className="panel">
      <FormError message={form.message} />
      <input type="hidden" name="version" value={i.version} />
      <div className="form-grid">
        <SelectField
          label={t("internship.status")}
          options={labelledOptions("istatus", statusChoices(i.status))}
          {...form.field("status")}
        />
        <DateField label={t("internship.start")} {...form.field("startDate")} />
        <DateField label={t("internship.end")} {...form.field("endDate")} />
        <TextField
          label={t("internship.hours")}
          inputMode="numeric"
          {...form.field("hoursPerWeek")}
        />
        <SelectField
          label={t("internship.supervisor")}
          options={[
            { value: "", label: t("internship.noSupervisor") },
            ...i.company.contacts.map((c) => ({
              value: c.id,
              label: `${c.firstName} ${c.lastName}${c.function ? ` (${c.function})` : ""}`,
            })),
          ]}
          {...form.field("supervisorId")}
        />
        <SelectField
          label={t("internship.endReason")}
          options={[
            { value: "", label: t("internship.noEndReason") },
            ...labelledOptions("iend", END_REASONS),
          ]}
          {...form.field("endReason")}
        />
      </div>
      <TextArea
        label={t("internship.companyFeedback")}
        maxLength={2000}
        {...form.field("companyFeedback")}
      />
      <TextArea
        label={t("internship.participantFeedback")}
        maxLength={2000}
        {...form.field("participantFeedback")}
      />
      <CheckboxField label={t("internship.ledToOfferLabel")} {...form.checkbox("ledToOffer")} />
      <button type="submit" className="button button-primary" disabled={form.busy}>
        {t("internship.save")}
      </button>
    </Form>
  );
}

export default function InternshipPage() {
  const { internship: i, mayEdit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const participant = `${i.participant.firstName} ${i.participant.lastName}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/praktika">{t("internship.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{t("internship.heading", { participant, company: i.company.name })}</h1>
        <span className={`status status-${i.status}`}>{labelOf("istatus", i.status)}</span>
      </div>
      <dl className="facts">
        <dt>{t("internship.participant")}</dt>
        <dd>
          <Link to={`/teilnehmende/${i.participant.id}`}>{participant}</Link>
        </dd>
        <dt>{t("internship.company")}</dt>
        <dd>
          <Link to={`/unternehmen/${i.company.id}`}>{i.company.name}</Link>
          {i.company.city ? `, ${i.company.city}` : ""}
        </dd>
        <dt>{t("internship.occupation")}</dt>
        <dd>
          {i.occupation.title} ({i.occupation.kldbCode})
        </dd>
        <dt>{t("internship.period")}</dt>
        <dd>
          {i.startDate ? `${formatDate(i.startDate)} – ${formatDate(i.endDate)}` : t("common.none")}
        </dd>
      </dl>
      <p className="field-hint">{t("internship.lifecycle")}</p>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("internship.history")}</h2>
        <ol className="status-history">
          {i.statusChanges.map((c) => (
            <li key={c.id}>
              {t("internship.historyEntry", {
                date: formatDateTime(c.createdAt),
                status: labelOf("istatus", c.toStatus),
                name: c.changedBy?.name ?? t("common.none"),
              })}
              {c.reason ? ` – ${labelOf("iend", c.reason)}` : ""}
            </li>
          ))}
        </ol>
      </section>
      {mayEdit ? (
        <InternshipForm internship={i} reply={reply} />
      ) : (
        <dl className="facts">
          <dt>{t("internship.companyFeedback")}</dt>
          <dd>{i.companyFeedback ?? t("common.none")}</dd>
          <dt>{t("internship.participantFeedback")}</dt>
          <dd>{i.participantFeedback ?? t("common.none")}</dd>
          <dt>{t("internship.ledToOfferLabel")}</dt>
          <dd>{i.ledToOffer ? t("common.yes") : t("common.no")}</dd>
        </dl>
      )}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
