import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { CheckboxField, FormError, SelectField, TextArea, TextField } from "~/components/form";
import { formatDate } from "~/lib/day";
import { errorsFrom, type FormValues, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { getInternship, updateInternship } from "~/modules/internship/editing.server";
import { internshipSchema } from "~/modules/internship/schema";
import { NEXT_STATUSES } from "~/modules/internship/values";

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
  const form = await parseForm(request, internshipSchema);
  const values: FormValues = form.values;
  if (!form.ok) return data({ errors: form.errors, message: null, values }, { status: 400 });
  try {
    await updateInternship(user, scope, id, form.data, { ip: context?.clientIp });
    return redirectWithToast(`/praktika/${id}`, { kind: "success", text: t("internship.saved") });
  } catch (error) {
    const e = errorsFrom(error);
    if (e.status === 404) throw new Response(e.message, { status: 404 });
    return data({ errors: e.errors, message: e.message, values }, { status: e.status });
  }
}

export default function InternshipPage() {
  const { internship: i, mayEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const participant = `${i.participant.firstName} ${i.participant.lastName}`;
  const v = (name: string, stored: string) =>
    result?.values ? String(result.values[name] ?? "") : stored;
  const errors = result?.errors ?? {};
  const statuses = [i.status, ...NEXT_STATUSES[i.status as keyof typeof NEXT_STATUSES]];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/praktika">{t("internship.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{t("internship.heading", { participant, company: i.company.name })}</h1>
        <span className={`status status-${i.status}`}>
          {t(`istatus.${i.status}` as "istatus.laeuft")}
        </span>
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
      {mayEdit ? (
        <Form
          method="post"
          noValidate
          className="panel"
          key={`${i.version}-${JSON.stringify(result?.values ?? {})}`}
        >
          <FormError message={result?.message} />
          <input type="hidden" name="version" value={i.version} />
          <div className="form-grid">
            <SelectField
              label={t("internship.status")}
              name="status"
              options={statuses.map((s) => ({
                value: s,
                label: t(`istatus.${s}` as "istatus.laeuft"),
              }))}
              defaultValue={v("status", i.status)}
              error={errors.status}
            />
            <TextField
              label={t("internship.start")}
              name="startDate"
              placeholder="TT.MM.JJJJ"
              defaultValue={v("startDate", i.startDate ? formatDate(i.startDate) : "")}
              error={errors.startDate}
            />
            <TextField
              label={t("internship.end")}
              name="endDate"
              placeholder="TT.MM.JJJJ"
              defaultValue={v("endDate", i.endDate ? formatDate(i.endDate) : "")}
              error={errors.endDate}
            />
            <TextField
              label={t("internship.hours")}
              name="hoursPerWeek"
              inputMode="numeric"
              defaultValue={v("hoursPerWeek", i.hoursPerWeek?.toString() ?? "")}
              error={errors.hoursPerWeek}
            />
            <SelectField
              label={t("internship.supervisor")}
              name="supervisorId"
              options={[
                { value: "", label: t("internship.noSupervisor") },
                ...i.company.contacts.map((c) => ({
                  value: c.id,
                  label: `${c.firstName} ${c.lastName}${c.function ? ` (${c.function})` : ""}`,
                })),
              ]}
              defaultValue={v("supervisorId", i.supervisorId ?? "")}
              error={errors.supervisorId}
            />
          </div>
          <TextArea
            label={t("internship.companyFeedback")}
            name="companyFeedback"
            maxLength={2000}
            defaultValue={v("companyFeedback", i.companyFeedback ?? "")}
            error={errors.companyFeedback}
          />
          <TextArea
            label={t("internship.participantFeedback")}
            name="participantFeedback"
            maxLength={2000}
            defaultValue={v("participantFeedback", i.participantFeedback ?? "")}
            error={errors.participantFeedback}
          />
          <CheckboxField
            label={t("internship.ledToOfferLabel")}
            name="ledToOffer"
            defaultChecked={result?.values ? result.values.ledToOffer === "on" : i.ledToOffer}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("internship.save")}
          </button>
        </Form>
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
