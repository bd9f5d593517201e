import { db } from "~/db.server";
import { fieldError } from "~/lib/errors";
import { t } from "~/messages";
import type { SessionUser } from "~/modules/auth/session.server";

// A saved view is plain data: search text, filters, sort and visible columns of one table.
export type ViewDefinition = {
  q: string;
  filters: Record<string, string>;
  sort: { field: string; dir: "asc" | "desc" } | null;
  columns: string[] | null;
};

const RESERVED = new Set(["q", "sort", "dir", "seite", "spalten", "ansicht"]);

export function viewFromUrl(url: URL): ViewDefinition {
  const sp = url.searchParams;
  const filters: Record<string, string> = {};
  for (const [k, v] of sp) if (!RESERVED.has(k) && v) filters[k] = v.slice(0, 100);
  const sort = sp.get("sort");
  const columns = sp.getAll("spalten");
  return {
    q: (sp.get("q") ?? "").slice(0, 100),
    filters,
    sort: sort ? { field: sort, dir: sp.get("dir") === "desc" ? "desc" : "asc" } : null,
    columns: columns.length ? columns : null,
  };
}

export function viewToSearch(view: ViewDefinition): string {
  const sp = new URLSearchParams();
  if (view.q) sp.set("q", view.q);
  for (const [k, v] of Object.entries(view.filters)) sp.set(k, v);
  if (view.sort) {
    sp.set("sort", view.sort.field);
    sp.set("dir", view.sort.dir);
  }
  for (const c of view.columns ?? []) sp.append("spalten", c);
  return sp.toString();
}

export async function saveView(
  user: SessionUser,
  objectType: string,
  name: string,
  search: string,
) {
  const definition = JSON.stringify(viewFromUrl(new URL(`http://x/?${search.replace(/^\?/, "")}`)));
  const existing = await db.savedView.findUnique({
    where: { userId_objectType_name: { userId: user.id, objectType, name } },
    select: { id: true },
  });
  if (existing) {
    await db.savedView.update({
      where: { id: existing.id },
      data: { definition, version: { increment: 1 } },
    });
    return;
  }
  if ((await db.savedView.count({ where: { userId: user.id, objectType } })) >= 50)
    throw fieldError("name", t("views.tooMany"));
  await db.savedView.create({ data: { userId: user.id, objectType, name, definition } });
}

export async function listViews(user: SessionUser, objectType: string) {
  const views = await db.savedView.findMany({
    where: { userId: user.id, objectType },
    orderBy: { name: "asc" },
    select: { id: true, name: true, definition: true },
  });
  return views.map((v) => ({
    id: v.id,
    name: v.name,
    search: viewToSearch(JSON.parse(v.definition) as ViewDefinition),
  }));
}

export async function deleteView(user: SessionUser, id: string) {
  await db.savedView.deleteMany({ where: { id, userId: user.id } });
}
