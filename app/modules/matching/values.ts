export const OFFER_SORTS = ["occupation", "company", "start"] as const;
