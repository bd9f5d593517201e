import { useId } from "react";

/**
 * A term whose definition shows on hover and on keyboard focus (and is read out as its
 * description): the same text as in "So wird gezählt".
 */
export function Definition({ term, text }: { term: string; text: string }) {
  const id = useId();
  return (
    <span className="definition">
      <button type="button" className="definition-term" aria-describedby={id}>
        {term}
      </button>
      <span role="tooltip" id={id} className="definition-text">
        {text}
      </span>
    </span>
  );
}
