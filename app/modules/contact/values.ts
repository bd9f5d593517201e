export const CONTACT_SORTS = ["name", "company"] as const;
