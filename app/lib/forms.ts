/** Field errors as zod flattens them: per field name, its messages (the first is shown). */
export type FieldErrors = Record<string, string[] | undefined>;
/** What a form sent, as text: a name that occurs several times (a checkbox group) is a list. */
export type FormValues = Record<string, string | string[]>;

/**
 * What an action answers when it refuses a form: which form (its `?intent=`), the errors at the
 * fields, a message for the whole form, what was typed (so the form keeps it, also without
 * JavaScript) and, for some refusals, data the form shows (duplicates, a conflict).
 */
export type FormReply<Detail = unknown> = {
  intent: string;
  errors: FieldErrors;
  message: string | null;
  values: FormValues;
  detail?: Detail;
};
