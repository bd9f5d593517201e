import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import {
  DateField,
  FormError,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from "~/components/form";
import { labelledOptions, labelOf } from "~/labels";
import { dayOf, formatDate, formatDay, today } from "~/lib/day";
import { dispatchIntent, type FormReply, orThrow, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { answerLetter } from "~/modules/requests/letter";
import { answerRequest, checkIdentity, getRequest } from "~/modules/requests/requests.server";
import { decisionFields, decisionSchema, identitySchema } from "~/modules/requests/schema";
import { DECISIONS, decides } from "~/modules/requests/values";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? labelOf("requestKind", data.request.kind) : ""} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "participant");
  const found = await orThrow(getRequest(user, params.id ?? ""));
  return {
    request: found,
    letter: found.status === "beantwortet" ? answerLetter(found) : null,
    today: today(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "participant");
  const id = params.id ?? "";
  const meta = { ip: context?.clientIp };
  const back = (text: string) => redirectWithToast(`/antraege/${id}`, { kind: "success", text });
  return dispatchIntent(
    request,
    {
      identity: () =>
        submitForm(request, identitySchema, async ({ identityMethod }) => {
          await checkIdentity(user, id, identityMethod, meta);
          return back(t("request.identityConfirmed"));
        }),
      answer: () =>
        submitForm(request, decisionSchema, async (input) => {
          await answerRequest(user, id, input, meta);
          return back(t("request.answered"));
        }),
    },
    "identity",
  );
}

/** The first of a field's errors (an answer refused for a missing identity check says so on top). */
const firstOf = (error: string | string[] | undefined | null) =>
  (Array.isArray(error) ? error[0] : error) ?? null;

/** The decision for each Datenart the request covers: erase, restrict until a date, refuse. */
function Decisions({
  request,
  reply,
}: {
  request: ReturnType<typeof useLoaderData<typeof loader>>["request"];
  reply?: FormReply | null;
}) {
  const evidence = request.evidence;
  const defaults: Record<string, string> = {};
  for (const key of request.datenarten) {
    const f = decisionFields(key);
    const keep = key === "esf_nachweis" && evidence !== null;
    defaults[f.decision] = keep || request.kind === "einschraenkung" ? "restrict" : "erase";
    if (keep) {
      defaults[f.reason] = t("request.evidenceReason");
      if (evidence !== "open") defaults[f.until] = formatDay(evidence);
    }
  }
  const form = useSchemaForm(decisionSchema, { intent: "answer", reply, defaults });
  return (
    <Form {...form.props}>
      <FormError message={form.message ?? firstOf(form.errorAt("identityMethod"))} />
      {request.datenarten.map((key) => {
        const f = decisionFields(key);
        return (
          <fieldset key={key} className="panel">
            <legend>{labelOf("datenart", key)}</legend>
            <SelectField
              label={t("request.decisions")}
              options={labelledOptions("decision", DECISIONS)}
              {...form.field(f.decision)}
            />
            <DateField label={t("request.until")} {...form.field(f.until)} />
            <TextArea label={t("request.reason")} rows={2} {...form.field(f.reason)} />
          </fieldset>
        );
      })}
      <button type="submit" className="button button-primary" disabled={form.busy}>
        {t("request.answer")}
      </button>
    </Form>
  );
}

export default function RequestPage() {
  const { request: r, letter, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const identity = useSchemaForm(identitySchema, { intent: "identity", reply });
  const answerCopy = useSchemaForm(decisionSchema, { intent: "answer", reply });
  const personLink = r.person.anonymised
    ? null
    : r.subject.kind === "participant"
      ? `/teilnehmende/${r.subject.id}`
      : `/kontakte/${r.subject.id}`;
  const open = r.status === "offen";
  const copy = r.kind === "auskunft" || r.kind === "uebertragbarkeit";
  return (
    <>
      <h1>{labelOf("requestKind", r.kind)}</h1>
      <p className="lead">
        {personLink ? (
          <Link to={personLink}>{t("request.about", { name: r.person.name })}</Link>
        ) : (
          t("request.about", { name: r.person.name })
        )}
      </p>
      <dl className="facts">
        <dt>{t("request.receivedOn")}</dt>
        <dd>
          {formatDate(r.receivedOn)} ({t("request.recordedBy", { name: r.recordedBy.name })})
        </dd>
        <dt>{labelOf("requestStatus", r.status)}</dt>
        <dd>
          {open
            ? t("request.due", { date: formatDate(r.dueOn) })
            : t("request.answeredOn", {
                date: formatDate(r.answeredAt),
                name: r.answeredBy?.name ?? "",
              })}
          {open && dayOf(r.dueOn) < today ? (
            <span className="badge badge-warn">{t("request.overdue")}</span>
          ) : null}
        </dd>
      </dl>

      <section className="panel" aria-labelledby="identitaet">
        <h2 id="identitaet">{t("request.identity")}</h2>
        {r.identityCheckedAt ? (
          <p>
            {t("request.identityChecked", {
              method: r.identityMethod ?? "",
              name: r.identityCheckedBy?.name ?? "",
              date: formatDate(r.identityCheckedAt),
            })}
          </p>
        ) : (
          <Form {...identity.props}>
            <FormError message={identity.message} />
            <TextField
              label={t("request.identityMethod")}
              hint={t("request.identityHint")}
              {...identity.field("identityMethod")}
            />
            <button type="submit" className="button" disabled={identity.busy}>
              {t("request.identityCheck")}
            </button>
          </Form>
        )}
      </section>

      {copy ? (
        <section className="panel" aria-labelledby="kopie">
          <h2 id="kopie">{t("request.download")}</h2>
          <p className="field-hint">{t("request.downloadHint")}</p>
          <p>
            <a className="button" href={`/antraege/${r.id}/auskunft`} download>
              {t("request.download")}
            </a>
          </p>
          {open ? (
            <Form {...answerCopy.props}>
              <FormError
                message={answerCopy.message ?? firstOf(answerCopy.errorAt("identityMethod"))}
              />
              <button type="submit" className="button button-primary" disabled={answerCopy.busy}>
                {t("request.answerCopy")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {decides(r.kind) && open ? (
        <section className="panel" aria-labelledby="entscheidung">
          <h2 id="entscheidung">{t("request.decisions")}</h2>
          {r.mayDecide ? (
            <Decisions request={r} reply={reply} />
          ) : (
            <p>{t("request.leadDecidesHint")}</p>
          )}
        </section>
      ) : null}

      {letter ? (
        <section className="panel" aria-labelledby="schreiben">
          <h2 id="schreiben">{t("request.letter")}</h2>
          <pre className="mail-text">{letter}</pre>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
