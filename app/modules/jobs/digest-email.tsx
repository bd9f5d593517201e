import { env } from "~/env.server";
import { formatDate } from "~/lib/day";
import { t } from "~/messages";
import { EmailButton, EmailLayout, renderEmail } from "~/modules/email/templates";

export type DigestItem = { title: string; dueDate: Date; overdue: boolean; about: string | null };

/** The morning email to a coach: follow-ups due today and overdue, oldest first. */
export async function digestEmail(p: { name: string; items: DigestItem[] }) {
  const subject = t("digest.email.subject", { n: p.items.length });
  const link = new URL("/wiedervorlagen", env.APP_URL).toString();
  const line = (i: DigestItem) =>
    `${i.title}${i.about ? ` (${i.about})` : ""} – ${
      i.overdue
        ? t("digest.email.overdue", { date: formatDate(i.dueDate) })
        : t("digest.email.today")
    }`;
  const html = await renderEmail(
    <EmailLayout preview={subject}>
      <p>{t("digest.email.greeting", { name: p.name })}</p>
      <p>{t("digest.email.body")}</p>
      <ul>
        {p.items.map((i, n) => (
          // Items have no stable id in the email; their order is fixed.
          // biome-ignore lint/suspicious/noArrayIndexKey: static list rendered once
          <li key={n}>{line(i)}</li>
        ))}
      </ul>
      <EmailButton href={link}>{t("digest.email.cta")}</EmailButton>
    </EmailLayout>,
  );
  const text = [
    t("digest.email.greeting", { name: p.name }),
    "",
    t("digest.email.body"),
    ...p.items.map((i) => `- ${line(i)}`),
    "",
    `${t("digest.email.cta")}: ${link}`,
  ].join("\n");
  return { subject, html, text };
}
