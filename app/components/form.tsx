import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

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

// forwardRef so react-hook-form's register() can attach to the element.
export const TextField = forwardRef<
  HTMLInputElement,
  FieldProps & InputHTMLAttributes<HTMLInputElement>
>(function TextField({ label, name, error, hint, ...input }, ref) {
  const id = input.id ?? `f-${name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(aria) => <input ref={ref} id={id} name={name} {...aria} {...input} />}
    </Field>
  );
});

export const TextArea = forwardRef<
  HTMLTextAreaElement,
  FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>
>(function TextArea({ label, name, error, hint, ...textarea }, ref) {
  const id = textarea.id ?? `f-${name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(aria) => <textarea ref={ref} id={id} name={name} rows={4} {...aria} {...textarea} />}
    </Field>
  );
});

export const CheckboxField = forwardRef<
  HTMLInputElement,
  { label: string; name: string } & InputHTMLAttributes<HTMLInputElement>
>(function CheckboxField({ label, name, ...input }, ref) {
  const id = input.id ?? `f-${name}`;
  return (
    <div className="field field-checkbox">
      <input ref={ref} type="checkbox" id={id} name={name} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
});

export const SelectField = forwardRef<
  HTMLSelectElement,
  FieldProps &
    SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }
>(function SelectField({ label, name, error, hint, options, ...select }, ref) {
  const id = select.id ?? `f-${name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(aria) => (
        <select ref={ref} id={id} name={name} {...aria} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
});

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

/**
 * Binds fields to a plain form's values and server errors: `text(name)` for inputs and selects,
 * `check(name)` for checkboxes (checked when the value is true or "on").
 */
export function bindFields(
  defaults: Record<string, unknown>,
  errors: Record<string, string[] | undefined> = {},
) {
  return {
    text: (name: string) => ({
      name,
      defaultValue: String(defaults[name] ?? ""),
      error: errors[name],
    }),
    check: (name: string) => ({
      name,
      defaultChecked: defaults[name] === true || defaults[name] === "on",
    }),
  };
}
