/**
 * A fact's value with what is said about it in brackets (its note, its as-of date), written as
 * one bracket when the value ends in its own: "Nurlan Yermekbayev (Kazakhstan, as of Jan 2025)",
 * never "(Kazakhstan) (as of Jan 2025)" (lib/format/facts.ts bracketed). The aside keeps its own
 * element and class, for styling and for tests.
 */
import { bracketed } from '../../lib/format/facts.ts';

export function WithAside({ value, aside, class: cls }: { value: string; aside?: string | null; class: string }) {
  if (!aside) return <>{value}</>;
  const b = bracketed(value, aside);
  return (
    <>
      {b.before}
      <span class={cls}>{b.aside}</span>
      {b.after}
    </>
  );
}
