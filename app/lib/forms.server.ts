import { data } from "@remix-run/node";
import { z } from "zod";
import { AppError } from "./errors";
import type { FieldErrors, FormReply, FormValues } from "./forms";

export type { FieldErrors, FormReply, FormValues };

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

/** The form a request was sent from: `?intent=` of the form's action ("" for a page's only form). */
export const intentOf = (request: Request) =>
  (new URL(request.url).searchParams.get("intent") ?? "").slice(0, 40);

type SubmitOptions<Detail> = {
  /** Names that occur several times in the form (checkbox groups). */
  multi?: readonly string[];
  /** Data from an expected refusal the form shows (e.g. the duplicates found). */
  detail?: (error: AppError) => Detail | undefined;
};

/**
 * The one way an action saves a form. The form data is checked with the module's schema (the
 * same one the browser checks with); a refusal answers 400 with the errors at their fields. Then
 * `save` runs and its answer (usually a redirect) is returned. An expected failure (`AppError`)
 * is answered with its status, its field errors or message, and what was typed; "not found" is
 * thrown to the error page. The reply is tagged with the request's `?intent=`, so a page with
 * several forms shows it at the right one.
 */
export async function submitForm<S extends z.ZodType, R extends Response, Detail = never>(
  request: Request,
  schema: S,
  save: (input: z.infer<S>, formData: FormData) => Promise<R>,
  options: SubmitOptions<Detail> = {},
) {
  const intent = intentOf(request);
  const formData = await request.formData();
  const form = parseFormData(formData, schema, options.multi);
  const reply = (status: number, fields: Omit<FormReply<Detail>, "intent" | "values">) =>
    data<FormReply<Detail>>({ intent, values: form.values, ...fields }, { status });
  if (!form.ok) return reply(400, { errors: form.errors, message: null });
  try {
    return await save(form.data, formData);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    // A message that belongs to a field is shown there, not twice.
    const atField = Object.keys(error.fieldErrors).length > 0;
    return reply(error.status, {
      errors: error.fieldErrors,
      message: atField ? null : error.message,
      detail: options.detail?.(error),
    });
  }
}

/**
 * For a button without fields (archive, merge, …): an expected failure becomes the error page
 * with its message and status.
 */
export async function orThrow<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

/**
 * Runs the handler for the request's `?intent=` (a page with several forms); the handler checks
 * its own permission first. An intent the page does not know is a bad request.
 */
export async function dispatchIntent<H extends Record<string, () => Promise<unknown>>>(
  request: Request,
  handlers: H,
  fallback?: keyof H & string,
): Promise<Awaited<ReturnType<H[keyof H]>>> {
  const intent = intentOf(request) || fallback || "";
  const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  if (!handler) throw new Response(null, { status: 400 });
  return (await handler()) as Awaited<ReturnType<H[keyof H]>>;
}
