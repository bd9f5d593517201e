import { Link, useLocation } from "@remix-run/react";
import { labelOf } from "~/labels";
import { formatDate } from "~/lib/day";
import { t } from "~/messages";
import type { TimelineItem } from "~/modules/interaction/timeline-item";
import { NEW_ENTRY_PARAM } from "~/modules/interaction/values";

type Item = TimelineItem;

/** Timeline of a company or contact, newest first, paged through the URL (?verlauf=N). */
export function Timeline({
  items,
  page,
  hasMore,
}: {
  items: Item[];
  page: number;
  hasMore: boolean;
}) {
  const location = useLocation();
  const justLogged = new URLSearchParams(location.search).get(NEW_ENTRY_PARAM);
  const pageLink = (p: number) => {
    const sp = new URLSearchParams(location.search);
    sp.set("verlauf", String(p));
    return `${location.pathname}?${sp}#verlauf`;
  };
  return (
    <section aria-labelledby="verlauf" className="timeline">
      <h2 id="verlauf">{t("timeline.title")}</h2>
      {items.length === 0 ? <p>{t("timeline.empty")}</p> : null}
      <ol className="timeline-list">
        {items.map((item) => (
          <li
            key={`${item.kind}-${item.id}`}
            className={`timeline-item timeline-${item.kind}${item.kind === "interaction" && item.id === justLogged ? " timeline-new" : ""}`}
          >
            <time dateTime={item.at.toISOString()}>{formatDate(item.at)}</time>
            <div>
              {item.kind === "interaction" && item.id === justLogged ? (
                <span className="badge badge-new">{t("timeline.justLogged")}</span>
              ) : null}
              {item.kind === "interaction" ? (
                <>
                  <strong>{labelOf("itype", item.type)}</strong>
                  {item.contact ? ` · ${item.contact}` : null}{" "}
                  <span className="muted">{t("timeline.by", { name: item.author })}</span>
                  {item.topics.length ? (
                    <p className="topics">
                      {item.topics.map((topic) => (
                        <span key={topic} className="badge">
                          {labelOf("topic", topic)}
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {item.outcome ? <p>{item.outcome}</p> : null}
                  {item.notes ? <p className="notes">{item.notes}</p> : null}
                </>
              ) : item.kind === "followup" ? (
                <>
                  <strong>{item.title}</strong> –{" "}
                  {t("timeline.followUp", { name: item.assignee, date: formatDate(item.due) })}
                  {item.done ? <span className="badge">{t("timeline.followUpDone")}</span> : null}
                </>
              ) : item.kind === "status" ? (
                <>
                  {t("timeline.statusChange", {
                    from: labelOf("outreach", item.from),
                    to: labelOf("outreach", item.to),
                  })}
                  {item.by ? (
                    <span className="muted"> {t("timeline.by", { name: item.by })}</span>
                  ) : null}
                </>
              ) : item.kind === "internship" ? (
                t("timeline.internship", {
                  status: labelOf("istatus", item.status),
                  occupation: item.occupation,
                })
              ) : (
                <>
                  {t("timeline.event", { title: item.title })}
                  {item.attendance === "anwesend" ? (
                    <span className="badge">{t("event.attended")}</span>
                  ) : null}
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      <nav className="pager" aria-label={t("timeline.title")}>
        {page > 1 ? <Link to={pageLink(page - 1)}>{t("timeline.newer")}</Link> : null}
        {hasMore ? <Link to={pageLink(page + 1)}>{t("timeline.older")}</Link> : null}
      </nav>
    </section>
  );
}
