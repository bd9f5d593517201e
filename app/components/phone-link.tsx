/** A phone number as a call link (digits and a leading + only in the link), or the "none" text. */
export function PhoneLink({ phone, none = "–" }: { phone: string | null; none?: string }) {
  if (!phone) return <>{none}</>;
  return <a href={`tel:${phone.replace(/[^0-9+]/g, "")}`}>{phone}</a>;
}
