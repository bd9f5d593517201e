import { Form, Link, useLocation } from "@remix-run/react";
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { type ReactNode, useEffect, useRef } from "react";
import { TableWrap } from "~/components/table-wrap";
import type { Page } from "~/lib/list-params";
import { t, tn } from "~/messages";

export type FilterSpec = {
  name: string;
  label: string;
  options: { value: string; label: string }[];
};

type Props<T> = {
  caption: string;
  // biome-ignore lint/suspicious/noExplicitAny: column value types differ per column
  columns: ColumnDef<T, any>[];
  page: Page<T>;
  sortable?: readonly string[];
  searchLabel?: string;
  filters?: FilterSpec[];
  rowKey: (row: T) => string;
  /** Users may hide columns (?spalten=a&spalten=b lists the visible ones). */
  hideableColumns?: boolean;
  /** Rows can be ticked for the bulk bar's form: each row's checkbox is named by `rowLabel`. */
  selectable?: { form: string; rowLabel: (row: T) => string };
  children?: ReactNode;
};

/** Columns of long single words (occupations, e-mail addresses) that may break anywhere when space is short. */
const LONG_TEXT_COLUMNS = new Set(["wish", "occupation", "email"]);

/** A column's name as plain text: a phone shows each row as a card, every value under its name. */
const headerText = (header: unknown, id: string) => (typeof header === "string" ? header : id);

/** The one data table: server-side sorting, filtering and paging, all state in the URL; works without JavaScript. */
export function DataTable<T>({
  caption,
  columns,
  page,
  sortable = [],
  searchLabel,
  filters = [],
  rowKey,
  hideableColumns = false,
  selectable,
  children,
}: Props<T>) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const visible = params.getAll("spalten");
  const columnVisibility = Object.fromEntries(
    columns.map((c) => [c.id ?? "", visible.length === 0 || visible.includes(c.id ?? "")]),
  );
  const table = useReactTable({
    data: page.data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    pageCount: page.totalPages,
    getRowId: rowKey,
    state: { columnVisibility },
  });
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `${location.pathname}?${next}`;
  };
  const activeFilters = [searchLabel ? "q" : null, ...filters.map((f) => f.name)].filter(
    (name) => name && params.get(name),
  ).length;
  const currentSort = params.get("sort");
  const currentDir = params.get("dir") ?? "asc";

  return (
    <div className="data-table">
      {searchLabel || filters.length ? (
        // Keyed by the URL: uncontrolled fields show the filters of the current URL after navigation.
        <FilterFold active={activeFilters}>
          <Form method="get" className="table-filters" role="search" key={location.search}>
            {searchLabel ? (
              <div className="field">
                <label htmlFor="table-q">{searchLabel}</label>
                <input
                  id="table-q"
                  name="q"
                  type="search"
                  defaultValue={params.get("q") ?? ""}
                  maxLength={100}
                />
              </div>
            ) : null}
            {filters.map((f) => (
              <div className="field" key={f.name}>
                <label htmlFor={`filter-${f.name}`}>{f.label}</label>
                <select
                  id={`filter-${f.name}`}
                  name={f.name}
                  defaultValue={params.get(f.name) ?? ""}
                >
                  <option value="">{t("table.all")}</option>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            {currentSort ? <input type="hidden" name="sort" value={currentSort} /> : null}
            {visible.map((v) => (
              <input key={v} type="hidden" name="spalten" value={v} />
            ))}
            {currentSort ? <input type="hidden" name="dir" value={currentDir} /> : null}
            <div className="form-actions">
              <button type="submit" className="button">
                {t("table.apply")}
              </button>
            </div>
          </Form>
        </FilterFold>
      ) : null}
      {hideableColumns ? (
        <details className="column-menu">
          <summary>{t("table.columns")}</summary>
          <Form method="get">
            {[...params.entries()]
              .filter(([k]) => k !== "spalten" && k !== "seite")
              .map(([k, v]) => (
                <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
              ))}
            {columns.map((c) => (
              <div className="field field-checkbox" key={c.id}>
                <input
                  type="checkbox"
                  id={`col-${c.id}`}
                  name="spalten"
                  value={c.id}
                  defaultChecked={columnVisibility[c.id ?? ""]}
                />
                <label htmlFor={`col-${c.id}`}>
                  {typeof c.header === "string" ? c.header : c.id}
                </label>
              </div>
            ))}
            <button type="submit" className="button button-small">
              {t("table.showColumns")}
            </button>
          </Form>
        </details>
      ) : null}
      {children}
      <p className="table-count" aria-live="polite">
        {tn("table.count", page.count)}
      </p>
      <TableWrap label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {selectable ? (
                  <th scope="col" className="select-cell">
                    <SelectPage form={selectable.form} />
                  </th>
                ) : null}
                {group.headers.map((header) => {
                  const id = header.column.id;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  const active = currentSort === id;
                  const sortState = active
                    ? currentDir === "desc"
                      ? "descending"
                      : "ascending"
                    : undefined;
                  return (
                    <th key={header.id} scope="col" aria-sort={sortState}>
                      {sortable.includes(id) ? (
                        <Link
                          to={withParams({
                            sort: id,
                            dir: active && currentDir === "asc" ? "desc" : "asc",
                            seite: null,
                          })}
                          className="sort-link"
                        >
                          {label}
                          <span aria-hidden="true">
                            {active ? (currentDir === "desc" ? " ▼" : " ▲") : ""}
                          </span>
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {/* Keyed by the visit: after a bulk action no row stays ticked. */}
          <tbody key={location.key}>
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length + (selectable ? 1 : 0)}>
                  {t("table.empty")}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {selectable ? (
                    <td className="select-cell">
                      <input
                        type="checkbox"
                        name="ids"
                        value={row.id}
                        form={selectable.form}
                        aria-label={t("bulk.select", { name: selectable.rowLabel(row.original) })}
                      />
                    </td>
                  ) : null}
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      data-label={headerText(cell.column.columnDef.header, cell.column.id)}
                      className={LONG_TEXT_COLUMNS.has(cell.column.id) ? "cell-long" : undefined}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableWrap>
      <nav className="pager" aria-label={t("table.paging")}>
        {page.page > 1 ? (
          <Link to={withParams({ seite: String(page.page - 1) })}>{t("table.previous")}</Link>
        ) : null}
        <span>{t("table.pageOf", { page: page.page, total: page.totalPages })}</span>
        {page.page < page.totalPages ? (
          <Link to={withParams({ seite: String(page.page + 1) })}>{t("table.next")}</Link>
        ) : null}
      </nav>
    </div>
  );
}

/** Links that download the current view (filters and order, all pages) as CSV or Excel. */
export function ExportLinks({ path }: { path: string }) {
  const location = useLocation();
  const href = (format: string) => {
    const sp = new URLSearchParams(location.search);
    sp.delete("seite");
    sp.set("format", format);
    return `${path}?${sp}`;
  };
  return (
    <>
      <span>{t("table.export")}:</span>
      <a href={href("csv")} download>
        {t("table.exportCsv")}
      </a>
      <a href={href("xlsx")} download>
        {t("table.exportXlsx")}
      </a>
    </>
  );
}

/**
 * A list's filters: open on a wide screen; on a phone folded away behind "Filter" (with the
 * number in use), so the rows come first. Without JavaScript they stay open.
 */
export function FilterFold({ active, children }: { active: number; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia(PHONE_QUERY).matches) ref.current.open = false;
  }, []);
  return (
    <details className="filter-fold" open ref={ref}>
      <summary>{active ? t("table.filtersActive", { count: active }) : t("table.filters")}</summary>
      {children}
    </details>
  );
}

/** Below this width lists are cards and filters fold away (as in app.css). */
const PHONE_QUERY = "(max-width: 700px)";

/** Ticks or clears every row of the page (the rows' boxes belong to the bulk form). */
function SelectPage({ form }: { form: string }) {
  return (
    <input
      type="checkbox"
      aria-label={t("bulk.selectPage")}
      onChange={(e) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(
          `input[type=checkbox][name=ids][form="${form}"]`,
        );
        for (const box of boxes) box.checked = e.currentTarget.checked;
      }}
    />
  );
}
