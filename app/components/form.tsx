import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type FieldProps = { label: string; name: string; error?: string[] | string; hint?: ReactNode };

/** The frame every field shares: label, hint and error, tied to the control with aria attributes. */
function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string[] | string;
  hint?: ReactNode;
  children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [message ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${message ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        "aria-invalid": message ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {message ? (
        <p className="field-error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  name,
  error,
  hint,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `f-${name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(aria) => <input id={id} name={name} {...aria} {...input} />}
    </Field>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const id = select.id ?? `f-${name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(aria) => (
        <select id={id} name={name} {...aria} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}
