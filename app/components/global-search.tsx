import { Form, Link, useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { t } from "~/messages";

type Hit = {
  kind: "company" | "contact" | "participant";
  id: string;
  title: string;
  subtitle: string;
  href: string;
};

/** The header search: a plain GET form, with results as you type (combobox pattern, arrow keys and Enter). */
export function GlobalSearch() {
  const fetcher = useFetcher<{ hits: Hit[] }>();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const listId = useId();
  const hits = query.trim().length >= 2 ? (fetcher.data?.hits ?? []) : [];

  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = (value: string) => {
    setQuery(value);
    setActive(-1);
    setOpen(true);
    clearTimeout(timer.current);
    if (value.trim().length >= 2) {
      timer.current = setTimeout(
        () => fetcher.load(`/suche?q=${encodeURIComponent(value.trim())}`),
        150,
      );
    }
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (e.key === "Enter" && active >= 0 && hits[active]) {
      e.preventDefault();
      setOpen(false);
      navigate(hits[active].href);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  };
  return (
    <Form method="get" action="/suche" role="search" className="global-search">
      <label htmlFor="global-q" className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id="global-q"
        name="q"
        type="search"
        placeholder={t("search.placeholder")}
        autoComplete="off"
        maxLength={100}
        value={query}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={open && hits.length > 0 ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
      />
      {open && hits.length > 0 ? (
        // ARIA combobox pattern: focus stays in the input, options are referenced by aria-activedescendant.
        <div id={listId} role="listbox" className="search-results" aria-label={t("search.title")}>
          {hits.map((h, i) => (
            <div
              tabIndex={-1}
              key={`${h.kind}-${h.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
            >
              <Link to={h.href} onClick={() => setOpen(false)} tabIndex={-1}>
                <strong>{h.title}</strong>
                <span className="muted">
                  {t(`search.${h.kind}`)}
                  {h.subtitle ? ` · ${h.subtitle}` : ""}
                </span>
              </Link>
            </div>
          ))}
        </div>
      ) : null}
    </Form>
  );
}
