import { z } from "zod";
import { checkbox, checkboxList, optionalText } from "~/lib/validation";
import { t } from "~/messages";
import { BULK_MAX } from "./values";

/**
 * A bulk action from a list: the ticked rows (`ids`) or all rows of the list's current filter
 * (`alle`), the action, and its value from the field that belongs to it (a person for owner and
 * coach, a status, a tag) as `wert`.
 */
export const bulkSchema = <A extends readonly [string, ...string[]]>(actions: A) =>
  z
    .object({
      aktion: z.enum(actions, { error: t("bulk.noAction") }),
      ids: checkboxList(z.string().min(1).max(64), BULK_MAX),
      alle: checkbox,
      // Named apart from the list's filters (status, …), which the form carries for the export.
      sammel_person: optionalText(64),
      sammel_status: optionalText(40),
      sammel_schlagwort: optionalText(100),
      sammel_veranstaltung: optionalText(64),
    })
    .refine((v) => v.alle || v.ids.length > 0, { path: ["ids"], message: t("bulk.noneSelected") })
    .transform(
      ({
        sammel_person: person,
        sammel_status: status,
        sammel_schlagwort: tag,
        sammel_veranstaltung: event,
        ...v
      }) => ({
        ...v,
        wert:
          v.aktion === "zustaendig" || v.aktion === "coach"
            ? person
            : v.aktion === "status"
              ? status
              : v.aktion === "einladen"
                ? event
                : tag,
      }),
    );
