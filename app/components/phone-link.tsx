import { t } from "~/messages";

/** A phone number as a call link (digits and a leading + only in the link), or the "none" text. */
export function PhoneLink({ phone, none = "–" }: { phone: string | null; none?: string }) {
  if (!phone) return <>{none}</>;
  return <a href={telHref(phone)}>{phone}</a>;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, "")}`;

/**
 * "Anrufen" and "E-Mail schreiben" as the first thing on a company's or a person's page, above
 * the log form: on the road the coach calls first and writes the note afterwards.
 */
export function QuickReach({ phone, email }: { phone: string | null; email: string | null }) {
  if (!phone && !email) return null;
  return (
    <p className="quick-reach">
      {phone ? (
        <a className="button button-primary" href={telHref(phone)}>
          {t("reach.call", { phone })}
        </a>
      ) : null}
      {email ? (
        <a className="button" href={`mailto:${email}`}>
          {t("reach.email")}
        </a>
      ) : null}
    </p>
  );
}
