import { data } from "@remix-run/node";
import { z } from "zod";
import { AppError } from "./errors";
import type { FieldErrors, FormReply, FormValues } from "./forms";

export type { FieldErrors, FormReply, FormValues };

/**
 * Form data as plain values; a name that occurs several times (checkboxes) becomes a list. NUL
 * characters are dropped: nobody types one, and PostgreSQL refuses them in text.
 */
export function formValues(formData: FormData, multi: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.replaceAll("\u0000", ""));
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

/** The message of an expected failure, for a page that says it in place (anything else is rethrown). */
export function failureMessage(error: unknown): { status: number; message: string } {
  if (error instanceof AppError) return { status: error.status, message: error.message };
  throw error;
}

/** Passwords are never sent back into a page, not even after a refusal. */
const withoutSecrets = (values: FormValues): FormValues =>
  Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));

/** The form a request was sent from: `?intent=` of the form's action ("" for a page's only form). */
export const intentOf = (request: Request) =>
  (new URL(request.url).searchParams.get("intent") ?? "").slice(0, 40);

type SubmitOptions<Detail> = {
  /** Names that occur several times in the form (checkbox groups). */
  multi?: readonly string[];
  /** Data from an expected refusal the form shows (e.g. the duplicates found). */
  detail?: (error: AppError) => Detail | undefined;
  /** The form data, when the action had to read it first (e.g. to check a honeypot). */
  formData?: FormData;
};

/**
 * The one answer to an expected failure (`AppError`): its status, its field errors or message,
 * and what was typed; "not found" is thrown to the error page, anything else rethrown.
 */
export function refusal<Detail = never>(
  error: unknown,
  reply: { intent: string; values: FormValues; detail?: (error: AppError) => Detail | undefined },
) {
  if (!(error instanceof AppError)) throw error;
  if (error.status === 404) throw new Response(error.message, { status: 404 });
  // A message that belongs to a field is shown there, not twice.
  const atField = Object.keys(error.fieldErrors).length > 0;
  return data<FormReply<Detail>>(
    {
      intent: reply.intent,
      values: withoutSecrets(reply.values),
      errors: error.fieldErrors,
      message: atField ? null : error.message,
      detail: reply.detail?.(error),
    },
    { status: error.status },
  );
}

/**
 * The one way an action saves a form. The form data is checked with the module's schema (the
 * same one the browser checks with); a refusal answers 400 with the errors at their fields. Then
 * `save` runs and its answer (usually a redirect) is returned; an expected failure is answered by
 * `refusal`. The reply is tagged with the request's `?intent=`, so a page with several forms
 * shows it at the right one.
 */
export async function submitForm<S extends z.ZodType, R, Detail = never>(
  request: Request,
  schema: S,
  save: (input: z.infer<S>, formData: FormData) => Promise<R>,
  options: SubmitOptions<Detail> = {},
) {
  const intent = intentOf(request);
  const formData = options.formData ?? (await request.formData());
  const form = parseFormData(formData, schema, options.multi);
  if (!form.ok)
    return data<FormReply<Detail>>(
      { intent, values: withoutSecrets(form.values), errors: form.errors, message: null },
      { status: 400 },
    );
  try {
    return await save(form.data, formData);
  } catch (error) {
    return refusal(error, { intent, values: form.values, detail: options.detail });
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
 * Runs the handler for the request's `?intent=` (a page with several forms); each handler checks
 * its own permission first. A missing or unknown intent goes to the page's main form (`fallback`),
 * so it meets that form's permission check and schema like any other post.
 */
export async function dispatchIntent<H extends Record<string, () => Promise<unknown>>>(
  request: Request,
  handlers: H,
  fallback: keyof H & string,
): Promise<Awaited<ReturnType<H[keyof H]>>> {
  const intent = intentOf(request);
  const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : handlers[fallback];
  return (await handler!()) as Awaited<ReturnType<H[keyof H]>>;
}
