import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { t } from "~/messages";

type Reason = { text: string; negative: boolean };

/** Ranked matches with score and reasons; each may offer a one-click internship proposal. */
export function MatchList<M extends { score: number; reasons: Reason[] }>({
  matches,
  rowKey,
  title,
  details,
  propose,
}: {
  matches: M[];
  rowKey: (m: M) => string;
  title: (m: M) => ReactNode;
  details: (m: M) => ReactNode;
  /** Hidden fields for the proposal form, or null when the user may not propose. */
  propose: ((m: M) => { participantId: string; offerId: string }) | null;
}) {
  if (matches.length === 0) return <p>{t("matching.none")}</p>;
  return (
    <ol className="match-list">
      {matches.map((m, index) => (
        <li key={rowKey(m)} className="match">
          <div className="match-head">
            <span className="match-rank">{index + 1}.</span>
            <span className="match-title">{title(m)}</span>
            <span className="match-score" title={t("matching.scoreHint")}>
              {t("matching.score", { score: m.score.toLocaleString("de-DE") })}
            </span>
          </div>
          <p className="match-details">{details(m)}</p>
          <ul className="match-reasons">
            {m.reasons.map((r) => (
              <li key={r.text} className={r.negative ? "reason reason-negative" : "reason"}>
                {r.text}
              </li>
            ))}
          </ul>
          {propose ? (
            <Form method="post" action="/praktika/vorschlagen" className="inline-form">
              <input type="hidden" name="participantId" value={propose(m).participantId} />
              <input type="hidden" name="offerId" value={propose(m).offerId} />
              <button type="submit" className="button button-small">
                {t("internship.propose")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
