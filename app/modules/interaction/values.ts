/** What a user logs by hand. */
export const LOGGED_TYPES = [
  "anruf",
  "email",
  "besuch",
  "brief",
  "online",
  "veranstaltung",
] as const;
/** Every kind of entry: also "import", the last contact an imported list brought in. */
export const INTERACTION_TYPES = [...LOGGED_TYPES, "import"] as const;
export const INTERACTION_TOPICS = [
  "tz_informiert",
  "ausbildungsplatz_angefragt",
  "praktikumsplatz_angefragt",
  "infomaterial",
  "absage",
] as const;
/** The topic that counts a company as informed about part-time apprenticeship. */
export const INFORMED_TOPIC = "tz_informiert";

/** The groups of the follow-up list, in the order they are worked. */
export const FOLLOW_UP_GROUPS = ["overdue", "today", "week", "later"] as const;
export type FollowUpGroup = (typeof FOLLOW_UP_GROUPS)[number];

/** The query parameter naming the entry just logged, marked in the Verlauf. */
export const NEW_ENTRY_PARAM = "neu";
