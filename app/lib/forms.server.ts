import { z } from "zod";
import { AppError } from "./errors";

export type FieldErrors = Record<string, string[] | undefined>;
export type FormValues = Record<string, string | string[]>;

/** Form data as plain values; a name that occurs several times (checkboxes) becomes a list. */
export function formValues(formData: FormData, multi: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = multi.includes(key) ? all : (all[0] ?? "");
  }
  for (const key of multi) values[key] ??= [];
  return values;
}

/** Parses form data with a zod schema; unknown fields are dropped by the schema. */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  multi: readonly string[] = [],
) {
  return parseFormData(await request.formData(), schema, multi);
}

export function parseFormData<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  multi: readonly string[] = [],
) {
  const values = formValues(formData, multi);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true as const, data: result.data as z.infer<S>, values };
  return {
    ok: false as const,
    errors: z.flattenError(result.error).fieldErrors as FieldErrors,
    values,
  };
}

/** Turns an expected failure into field errors for the form (everything else is rethrown). */
export function errorsFrom(error: unknown): {
  status: number;
  errors: FieldErrors;
  message: string | null;
} {
  if (error instanceof AppError) {
    // A message that belongs to a field is shown there, not twice.
    const atField = Object.keys(error.fieldErrors).length > 0;
    return {
      status: error.status,
      errors: error.fieldErrors,
      message: atField ? null : error.message,
    };
  }
  throw error;
}

/**
 * What the user typed, to put back into the form after a refused save: lists joined, and the
 * named checkboxes as booleans (an unchecked box is simply missing from the form data).
 */
export function echoFormValues(
  values: FormValues,
  checkboxes: readonly string[] = [],
): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(values)) out[k] = Array.isArray(v) ? v.join(", ") : v;
  for (const k of checkboxes) out[k] = values[k] === "on";
  return out;
}
