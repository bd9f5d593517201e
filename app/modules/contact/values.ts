export const CONTACT_SORTS = ["name", "company"] as const;
export const SALUTATIONS = ["Frau", "Herr", "divers"] as const;
export const CONSENT_METHODS = ["schriftlich", "muendlich", "email", "online_formular"] as const;
/** The consent that allows email invitations to events. */
export const EMAIL_CONSENT = "email_einladungen";
