import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigation, useSubmit } from "@remix-run/react";
import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useRef,
} from "react";
import { type FieldValues, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";
import type { FormReply } from "~/lib/forms";

type FieldProps = { label: string; name: string; error?: string[] | string; hint?: ReactNode };

/** The frame every field shares: label, hint and error, tied to the control with aria attributes. */
function Field({
  id,
  label,
  error,
  hint,
  required,
  children,
}: {
  id: string;
  label: string;
  error?: string[] | string;
  hint?: ReactNode;
  /** Marks the label with an asterisk (the control says "required" to assistive technology). */
  required?: boolean;
  children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [message ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${message ? " field-invalid" : ""}`}>
      {required ? (
        // The asterisk stands beside the label, so the field's name stays the label's text.
        <div className="label-row">
          <label htmlFor={id}>{label}</label>
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        </div>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
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
    <Field id={id} label={label} error={error} hint={hint} required={input.required}>
      {(aria) => <input ref={ref} id={id} name={name} {...aria} {...input} />}
    </Field>
  );
});

/**
 * The one date input of the app: a German "TT.MM.JJJJ" text field, one tab stop, digits keyboard
 * on phones. (A native date picker takes a stop per part, looks different in every browser and
 * shows the browser's language, not German.) The server reads "1.3.2027" and "2027-03-01" too.
 */
export const DateField = forwardRef<
  HTMLInputElement,
  FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type">
>(function DateField(props, ref) {
  return (
    <TextField
      ref={ref}
      placeholder="TT.MM.JJJJ"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      size={10}
      {...props}
    />
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

type Values = Record<string, unknown>;

/** Values as the form's fields hold them: text (numbers too), booleans for checkboxes, lists. */
const asFormValues = (values: Values): FieldValues =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      typeof v === "number" ? String(v) : v === null || v === undefined ? "" : v,
    ]),
  );

/** A checkbox is checked when its value is true or "on", or a group's list holds it. */
const isChecked = (value: unknown, own?: string) =>
  own !== undefined && Array.isArray(value)
    ? value.includes(own)
    : value === true || value === "on" || (own !== undefined && value === own);

type SchemaFormOptions<Detail> = {
  /** The stored values the form starts with. */
  defaults?: Values;
  /** The action's answer (useActionData); it belongs to this form when its intent matches. */
  reply?: FormReply<Detail> | null;
  /** `?intent=` of this form on a page with several; "" for a page's only form. */
  intent?: string;
  /** For a form shown once per record (one per stay, one per offer): the field naming the record. */
  record?: { name: string; value: string };
  /** Where the form posts; defaults to `?intent=…` when an intent is given. */
  action?: string;
  /**
   * Check each field when it is left (default). A form that opens with the cursor in an empty
   * field (the login) checks on submit instead: leaving it to follow a link must not put an
   * error under it and move the link away from the pointer.
   */
  checkOnLeave?: boolean;
};

/**
 * Every form of the app is built with this hook: react-hook-form checks each field with the
 * module's zod schema as the user types (the schema the action checks with), the server's field
 * errors are shown at the same fields, and after a refused save the form shows what was typed.
 * Submitting sends the form's own fields, so the action receives exactly what a plain HTML form
 * sends — and without JavaScript the form is one.
 */
export function useSchemaForm<S extends z.ZodType, Detail = unknown>(
  schema: S,
  {
    defaults = {},
    reply,
    intent = "",
    record,
    action,
    checkOnLeave = true,
  }: SchemaFormOptions<Detail> = {},
) {
  const mine =
    reply && reply.intent === intent && (!record || reply.values[record.name] === record.value)
      ? reply
      : undefined;
  const values: Values = mine ? mine.values : defaults;
  const ref = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const navigation = useNavigation();
  // The fields this form shows (a field missing from a reset keeps what the browser holds).
  const shown = useRef(new Set<string>());
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: asFormValues(values),
    mode: checkOnLeave ? "onTouched" : "onSubmit",
  });
  // A new answer or new stored values (after a save) replace what the fields hold.
  const valuesKey = JSON.stringify(values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: valuesKey stands for values
  useEffect(() => {
    form.reset(asFormValues(values));
  }, [valuesKey]);
  // After this form's save went through, it starts afresh from the (reloaded) stored values.
  const submitted = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a navigation ends
  useEffect(() => {
    if (navigation.state !== "idle" || !submitted.current) return;
    submitted.current = false;
    if (mine) return;
    // The browser puts every field back to its shown default, then the form takes the values.
    ref.current?.reset();
    form.reset(asFormValues(defaults));
  }, [navigation.state]);
  const sendForm = () => {
    submitted.current = true;
    submit(ref.current);
  };
  const errorAt = (name: string) =>
    mine?.errors[name] ?? (form.formState.errors[name]?.message as string | undefined);
  const formAction = action ?? (intent ? `?intent=${intent}` : undefined);
  return {
    props: {
      ref,
      method: "post" as const,
      action: formAction,
      noValidate: true,
      onSubmit: form.handleSubmit(sendForm, (errors) => {
        // A rule about a field this form does not show is the server's to answer.
        if (Object.keys(errors).some((name) => !shown.current.has(name))) sendForm();
      }),
    },
    /** A text field, text area or select: its name, stored or typed value and error. */
    field: (name: string) => {
      shown.current.add(name);
      const value = values[name];
      return {
        ...form.register(name),
        defaultValue: Array.isArray(value) ? value.join(", ") : String(value ?? ""),
        error: errorAt(name),
      };
    },
    /** A checkbox; with `own`, one box of a group whose value is the list of the checked. */
    checkbox: (name: string, own?: string) => {
      shown.current.add(name);
      return {
        ...form.register(name),
        ...(own === undefined ? {} : { value: own }),
        defaultChecked: isChecked(values[name], own),
      };
    },
    /** An error of a field shown some other way (e.g. a checkbox group). */
    errorAt,
    /** The refusal's message for the whole form (a refusal with detail is shown by its detail). */
    message: mine?.detail ? null : (mine?.message ?? null),
    /** The action refused this form (keep it open). */
    refused: Boolean(mine),
    detail: mine?.detail,
    busy:
      navigation.state === "submitting" &&
      navigation.formAction?.includes(formAction ?? "") === true,
  };
}
