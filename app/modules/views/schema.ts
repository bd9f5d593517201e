import { z } from "zod";
import { requiredText } from "~/lib/validation";

/** Saving the current list view under a name (the view is the list's query string). */
export const saveViewSchema = z.object({
  name: requiredText(60),
  search: z.string().max(2000).default(""),
});
