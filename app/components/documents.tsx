import { Form } from "@remix-run/react";
import { useState } from "react";
import { labelledOptions, labelOf } from "~/labels";
import { formatDate } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { DOCUMENT_ACCEPT, DOCUMENT_KINDS, DOCUMENT_MAX_BYTES } from "~/modules/documents/values";
import { documentUploadSchema } from "~/modules/participant/schema";
import { FormError, SelectField, useSchemaForm } from "./form";

type Listed = {
  id: string;
  kind: string;
  fileName: string;
  size: number;
  createdAt: string | Date;
  uploadedBy: { name: string };
};

const sizeFmt = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
/** "840 KB", "2,4 MB". */
export const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${sizeFmt.format(Math.max(1, Math.round(bytes / 1024)))} KB`
    : `${sizeFmt.format(bytes / 1024 / 1024)} MB`;

/**
 * A participant's or a company's documents: listed with who uploaded them when, downloaded only
 * through the permission-checked /dokumente route, uploaded and deleted by those who may change
 * the record.
 */
export function Documents({
  documents,
  owner,
  mayEdit,
  reply,
}: {
  documents: Listed[];
  /** Whose documents: it decides the deletion rule they follow. */
  owner: "participant" | "company";
  mayEdit: boolean;
  reply?: FormReply | null;
}) {
  return (
    <section className="panel" aria-labelledby="dokumente">
      <h2 id="dokumente">{t("document.title")}</h2>
      {documents.length === 0 ? <p>{t("document.none")}</p> : null}
      <ul className="plain-list documents">
        {documents.map((d) => (
          <li key={d.id}>
            <a href={`/dokumente/${d.id}`} download={d.fileName}>
              {d.fileName}
            </a>{" "}
            <span className="badge">{labelOf("dockind", d.kind)}</span>
            <br />
            <span className="muted">
              {t("document.by", {
                size: formatSize(d.size),
                name: d.uploadedBy.name,
                date: formatDate(d.createdAt),
              })}
            </span>
            {mayEdit ? (
              <Form method="post" action="?intent=dokument-loeschen" className="inline-form">
                <input type="hidden" name="documentId" value={d.id} />
                <button
                  type="submit"
                  className="button button-small"
                  aria-label={`${t("document.delete")}: ${d.fileName}`}
                >
                  {t("document.delete")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {mayEdit ? <UploadDocument reply={reply} /> : null}
      <p className="field-hint">
        {t(owner === "participant" ? "document.retentionParticipant" : "document.retentionCompany")}
      </p>
    </section>
  );
}

function UploadDocument({ reply }: { reply?: FormReply | null }) {
  const form = useSchemaForm(documentUploadSchema, {
    intent: "dokument",
    reply,
    defaults: { kind: "lebenslauf" },
  });
  const [tooLarge, setTooLarge] = useState(false);
  const fileError = tooLarge ? t("document.problem.tooLarge") : form.errorAt("datei");
  return (
    <Form {...form.props} encType="multipart/form-data" className="upload-form">
      <FormError message={form.message} />
      <SelectField
        id="doc-kind"
        label={t("document.kind")}
        options={labelledOptions("dockind", DOCUMENT_KINDS)}
        {...form.field("kind")}
      />
      <div className={`field${fileError ? " field-invalid" : ""}`}>
        <label htmlFor="doc-datei">{t("document.file")}</label>
        <input
          id="doc-datei"
          name="datei"
          type="file"
          accept={DOCUMENT_ACCEPT}
          aria-describedby={fileError ? "doc-datei-error doc-datei-hint" : "doc-datei-hint"}
          aria-invalid={fileError ? true : undefined}
          onChange={(e) => {
            // Too large is said before the upload starts, not after ten megabytes went nowhere.
            const file = e.currentTarget.files?.[0];
            const large = file != null && file.size > DOCUMENT_MAX_BYTES;
            if (large) e.currentTarget.value = "";
            setTooLarge(large);
          }}
        />
        <p className="field-hint" id="doc-datei-hint">
          {t("document.fileHint")}
        </p>
        {fileError ? (
          <p className="field-error" id="doc-datei-error">
            {fileError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button-small" disabled={form.busy}>
        {t("document.upload")}
      </button>
    </Form>
  );
}
