import { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

/** Parses form data with a zod schema; unknown fields are dropped by the schema. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S) {
  const formData = await request.formData();
  const values = Object.fromEntries(
    [...formData.entries()].filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true as const, data: result.data as z.infer<S>, values };
  return {
    ok: false as const,
    errors: z.flattenError(result.error).fieldErrors as FieldErrors,
    values,
  };
}
