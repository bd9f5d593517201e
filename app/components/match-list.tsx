import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { type MessageKey, t } from "~/messages";
import type { ScoreParts } from "~/modules/matching/score";
import { WEIGHTS } from "~/modules/matching/score";

type Reason = { text: string; negative: boolean };
type Explained = { score: number; reasons: Reason[]; parts: ScoreParts; beyondLimit: boolean };

const PARTS: [keyof typeof WEIGHTS & keyof ScoreParts, MessageKey][] = [
  ["occupation", "matching.part.occupation"],
  ["place", "matching.part.place"],
  ["partTime", "matching.part.partTime"],
  ["relationship", "matching.part.relationship"],
];
const FACTORS: Record<ScoreParts["factors"][number]["key"], MessageKey> = {
  hoursTooFew: "matching.factor.hoursTooFew",
  childcareGap: "matching.factor.childcareGap",
  brokenOff: "matching.factor.brokenOff",
};
const points = (x: number) => x.toLocaleString("de-DE", { maximumFractionDigits: 1 });

/** How the points came about: the four parts against their maximum, then the multipliers. */
function Breakdown({ parts }: { parts: ScoreParts }) {
  return (
    <details className="match-breakdown">
      <summary>{t("matching.breakdown")}</summary>
      <table>
        <tbody>
          {PARTS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{t(label)}</th>
              <td>{t("matching.part.of", { points: points(parts[key]), max: WEIGHTS[key] })}</td>
            </tr>
          ))}
          {parts.factors.map((f) => (
            <tr key={f.key}>
              <th scope="row">{t(FACTORS[f.key])}</th>
              <td>{t("matching.factor", { factor: points(f.factor) })}</td>
            </tr>
          ))}
          <tr className="breakdown-total">
            <th scope="row">{t("matching.total")}</th>
            <td>{t("matching.score", { score: points(parts.total) })}</td>
          </tr>
        </tbody>
      </table>
    </details>
  );
}

/** Ranked matches with score, reasons and how the points came about; each may offer a proposal. */
export function MatchList<M extends Explained>({
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
        <li key={rowKey(m)} className={m.beyondLimit ? "match match-far" : "match"}>
          <div className="match-head">
            <span className="match-rank">{index + 1}.</span>
            <span className="match-title">{title(m)}</span>
            {m.beyondLimit ? (
              <span className="badge badge-warn">{t("matching.beyondLimit")}</span>
            ) : null}
            <span className="match-score" title={t("matching.scoreHint")}>
              {t("matching.score", { score: points(m.score) })}
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
          <Breakdown parts={m.parts} />
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
