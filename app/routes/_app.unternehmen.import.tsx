import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { CheckboxField, FormError } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { labelOf } from "~/labels";
import { AppError } from "~/lib/errors";
import { failureMessage, refusal } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import {
  discardUpload,
  loadUpload,
  prepareImport,
  runImport,
  storeUpload,
  suggestMapping,
} from "~/modules/company/import.server";
import { MAX_IMPORT_BYTES, readTable } from "~/modules/company/import-file.server";
import {
  DUPLICATE_CHOICES,
  type DuplicateChoice,
  IMPORT_FIELDS,
  IMPORT_TARGETS,
  type ImportTarget,
  type Mapping,
} from "~/modules/company/import-values";

/** Companies (the default) or contact persons of known companies (?ziel=kontakte). */
const targetOf = (params: URLSearchParams | FormData): ImportTarget => {
  const raw = String(params.get("ziel") ?? "");
  return (IMPORT_TARGETS as readonly string[]).includes(raw)
    ? (raw as ImportTarget)
    : "unternehmen";
};

export const meta: MetaFunction = () => [{ title: `${t("import.title")} – ${t("app.name")}` }];

/** Mapping and duplicate choice from form fields (map_<field>=<column>, duplikate=…). */
function readChoices(params: URLSearchParams | FormData, columns: number, fallback: Mapping) {
  const hasMapping = IMPORT_FIELDS.some((f) => params.has(`map_${f}`));
  const mapping: Mapping = {};
  for (const f of IMPORT_FIELDS) {
    const raw = params.get(`map_${f}`);
    const col = typeof raw === "string" && raw !== "" ? Number(raw) : Number.NaN;
    if (Number.isInteger(col) && col >= 0 && col < columns) mapping[f] = col;
  }
  const dup = String(params.get("duplikate") ?? "skip");
  return {
    mapping: hasMapping ? mapping : fallback,
    duplicates: (DUPLICATE_CHOICES as readonly string[]).includes(dup)
      ? (dup as DuplicateChoice)
      : "skip",
    skipInvalid: params.get("fehlerAuslassen") === "on",
    target: targetOf(params),
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "company");
  const url = new URL(request.url);
  const token = url.searchParams.get("datei");
  if (!token) return { upload: null, target: targetOf(url.searchParams) };
  try {
    const stored = await loadUpload(user, token);
    const choices = readChoices(
      url.searchParams,
      stored.table.header.length,
      suggestMapping(stored.table.header),
    );
    let report: Awaited<ReturnType<typeof prepareImport>>["report"] | null = null;
    let message: string | null = null;
    try {
      report = (
        await prepareImport(stored.table, choices.mapping, choices.duplicates, choices.target)
      ).report;
    } catch (error) {
      message = failureMessage(error).message;
    }
    return {
      upload: {
        token,
        filename: stored.filename,
        header: stored.table.header,
        preview: stored.table.rows.slice(0, 5),
        total: stored.table.rows.length,
        ...choices,
      },
      report,
      message,
      target: choices.target,
    };
  } catch (error) {
    return {
      upload: null,
      message: failureMessage(error).message,
      target: targetOf(url.searchParams),
    };
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "company");
  const intent = new URL(request.url).searchParams.get("intent");
  try {
    if (intent === "upload") {
      const length = Number(request.headers.get("Content-Length") ?? 0);
      if (length > MAX_IMPORT_BYTES + 64 * 1024)
        throw new AppError(413, t("import.tooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
      const formData = await request.formData();
      const file = formData.get("datei");
      if (!(file instanceof File) || (file.size === 0 && !file.name))
        throw new AppError(400, t("import.noFile"));
      const table = await readTable(new Uint8Array(await file.arrayBuffer()));
      const token = await storeUpload(user, file.name, table);
      return redirect(`/unternehmen/import?datei=${token}&ziel=${targetOf(formData)}`);
    }
    const formData = await request.formData();
    const token = String(formData.get("datei") ?? "");
    const stored = await loadUpload(user, token);
    const choices = readChoices(
      formData,
      stored.table.header.length,
      suggestMapping(stored.table.header),
    );
    const result = await runImport(user, stored.table, {
      ...choices,
      filename: stored.filename,
      ip: context?.clientIp,
    });
    await discardUpload(token);
    if (choices.target === "kontakte")
      return redirectWithToast("/kontakte", {
        kind: "success",
        text: t("import.doneContacts", {
          invalid: result.invalid,
          contactsCreated: result.contacts.created,
          contactsMatched: result.contacts.matched,
          lastContacts: result.contacts.lastContacts,
        }),
      });
    return redirectWithToast("/unternehmen?sort=name", {
      kind: "success",
      text: t("import.done", {
        created: result.created,
        updated: result.updated,
        skipped: result.skipped,
        invalid: result.invalid,
        contactsCreated: result.contacts.created,
        contactsMatched: result.contacts.matched,
        lastContacts: result.contacts.lastContacts,
      }),
    });
  } catch (error) {
    return refusal(error, { intent: intent ?? "", values: {} });
  }
}

export default function ImportPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const upload = loaded.upload;
  const loadMessage = "message" in loaded ? loaded.message : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/unternehmen">{t("company.back")}</Link>
      </p>
      <h1>{loaded.target === "kontakte" ? t("import.titleContacts") : t("import.title")}</h1>
      <FormError message={result?.message ?? loadMessage} />
      {!upload ? (
        <section className="panel">
          <p>{t("import.intro")}</p>
          <Form method="post" action="?intent=upload" encType="multipart/form-data">
            <TargetChoice target={loaded.target} />
            <div className="field">
              <label htmlFor="datei">{t("import.file")}</label>
              <input
                id="datei"
                name="datei"
                type="file"
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                required
              />
            </div>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("import.upload")}
            </button>
          </Form>
        </section>
      ) : (
        <ImportReview
          upload={upload}
          report={"report" in loaded ? loaded.report : null}
          busy={busy}
        />
      )}
    </>
  );
}

type Upload = NonNullable<Awaited<ReturnType<typeof loader>>["upload"]>;
type Report = Awaited<ReturnType<typeof prepareImport>>["report"] | null | undefined;

function ImportReview({ upload, report, busy }: { upload: Upload; report: Report; busy: boolean }) {
  // Columns are identified by their position in the file.
  const columns = upload.header.map((label, index) => ({ id: `col${index}`, label, index }));
  const ordered = report
    ? [...report.rows].sort(
        (a, b) => Number(b.action === "error") - Number(a.action === "error") || a.line - b.line,
      )
    : [];
  return (
    <Form method="get" className="import-review">
      <input type="hidden" name="datei" value={upload.token} />
      <p>
        <strong>{upload.filename}</strong> – {upload.total} Zeilen
      </p>
      <section className="panel" aria-labelledby="map-title">
        <h2 id="map-title">{t("import.mapping")}</h2>
        <div className="form-grid">
          {IMPORT_FIELDS.map((f) => (
            <div className="field" key={f}>
              <label htmlFor={`map_${f}`}>{labelOf("importField", f)}</label>
              <select id={`map_${f}`} name={`map_${f}`} defaultValue={upload.mapping[f] ?? ""}>
                <option value="">{t("import.notImported")}</option>
                {columns.map((c) => (
                  <option key={c.id} value={c.index}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <TargetChoice target={upload.target} />
        <fieldset>
          <legend>{t("import.duplicates")}</legend>
          {DUPLICATE_CHOICES.map((c) => (
            <div className="field field-checkbox" key={c}>
              <input
                type="radio"
                id={`dup-${c}`}
                name="duplikate"
                value={c}
                defaultChecked={upload.duplicates === c}
              />
              <label htmlFor={`dup-${c}`}>{labelOf("dupchoice", c)}</label>
            </div>
          ))}
        </fieldset>
        <CheckboxField
          label={t("import.skipInvalid")}
          name="fehlerAuslassen"
          defaultChecked={upload.skipInvalid}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t("import.check")}
          </button>{" "}
          <button
            type="submit"
            className="button button-primary"
            formMethod="post"
            formAction="?intent=run"
            disabled={busy}
          >
            {t("import.run")}
          </button>
        </div>
      </section>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t("import.preview")}</h2>
        <TableWrap label={t("import.preview")}>
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.id} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {upload.preview.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity
                <tr key={r}>
                  {upload.header.map((_, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells by position
                    <td key={c}>{row[c] ?? ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      {report ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t("import.report")}</h2>
          <p className="lead" role="status">
            {t("import.summary", report.counts)}
          </p>
          <TableWrap label={t("import.report")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("import.line")}</th>
                  <th scope="col">{t("importField.name")}</th>
                  <th scope="col">{t("import.action")}</th>
                  <th scope="col">{t("import.messages")}</th>
                </tr>
              </thead>
              <tbody>
                {ordered.slice(0, 1000).map((r) => (
                  <tr key={r.line} className={r.action === "error" ? "row-error" : undefined}>
                    <td>{r.line}</td>
                    <td>{r.name || t("common.none")}</td>
                    <td>{labelOf("iaction", r.action)}</td>
                    <td>{r.messages.join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
    </Form>
  );
}

export const ErrorBoundary = PageErrorBoundary;

/** Companies or contact persons of known companies: the same preview, report and rules. */
function TargetChoice({ target }: { target: ImportTarget }) {
  return (
    <fieldset>
      <legend>{t("import.target")}</legend>
      {IMPORT_TARGETS.map((value) => (
        <div className="field field-checkbox" key={value}>
          <input
            type="radio"
            id={`ziel-${value}`}
            name="ziel"
            value={value}
            defaultChecked={target === value}
          />
          <label htmlFor={`ziel-${value}`}>{t(`import.target.${value}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}
