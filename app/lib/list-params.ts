import { dayRange, formatDay, type Instants, isDay } from "./day";
// Table state lives in the URL: page, sort, direction, search text and filters.

export type SortDir = "asc" | "desc";
export type ListParams<S extends string = string> = {
  page: number;
  perPage: number;
  sort: S;
  dir: SortDir;
  q: string;
};
export type Page<T> = {
  data: T[];
  count: number;
  page: number;
  perPage: number;
  totalPages: number;
};

export function parseListParams<S extends string>(
  url: URL,
  options: { sortable: readonly S[]; defaultSort: S; defaultDir?: SortDir; perPage?: number },
): ListParams<S> {
  const sp = url.searchParams;
  const sortParam = sp.get("sort") as S | null;
  const sort = sortParam && options.sortable.includes(sortParam) ? sortParam : options.defaultSort;
  const dirParam = sp.get("dir");
  const dir: SortDir =
    dirParam === "asc" || dirParam === "desc" ? dirParam : (options.defaultDir ?? "asc");
  const page = Math.max(1, Math.min(100_000, Number.parseInt(sp.get("seite") ?? "1", 10) || 1));
  return {
    page,
    perPage: options.perPage ?? 25,
    sort,
    dir,
    q: (sp.get("q") ?? "").trim().slice(0, 100),
  };
}

/** A filter value from the URL, accepted only when it is one of the allowed values. */
export function pickParam<T extends string>(
  url: URL,
  name: string,
  allowed: readonly T[],
): T | null {
  const v = url.searchParams.get(name);
  return v && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

export function toPage<T>(
  data: T[],
  count: number,
  params: { page: number; perPage: number },
): Page<T> {
  return {
    data,
    count,
    page: params.page,
    perPage: params.perPage,
    totalPages: Math.max(1, Math.ceil(count / params.perPage)),
  };
}

export const skipTake = (p: { page: number; perPage: number }) => ({
  skip: (p.page - 1) * p.perPage,
  take: p.perPage,
});

export type DayRange = Instants & { label: string };

/**
 * A range of whole days from `<name>_von` and `<name>_bis` (YYYY-MM-DD, both inclusive), as the
 * report's figures link to their records; null when either is missing or malformed.
 */
export function dayRangeParam(url: URL, name: string): DayRange | null {
  const from = url.searchParams.get(`${name}_von`) ?? "";
  const to = url.searchParams.get(`${name}_bis`) ?? "";
  if (!isDay(from) || !isDay(to) || to < from) return null;
  return { ...dayRange({ from, to }), label: `${formatDay(from)} – ${formatDay(to)}` };
}

/** One whole day from `<name>` (YYYY-MM-DD), as a range; null when missing or malformed. */
export function dayParam(url: URL, name: string): DayRange | null {
  const day = url.searchParams.get(name) ?? "";
  if (!isDay(day)) return null;
  return { ...dayRange({ from: day, to: day }), label: formatDay(day) };
}
