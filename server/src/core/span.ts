// Offsets into the text: UTF-16 code units, end exclusive (as every span of an Analysis). The few tests on
// them that several stages make, written once.

export interface Interval {
  start: number;
  end: number;
}

/** Whether two intervals overlap: each starts before the other ends (so an empty interval strictly inside counts). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: Interval, inner: Interval): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The interval moved by `by` (paragraph-relative offsets made absolute). */
export function shifted(x: Interval, by: number): Interval {
  return { start: x.start + by, end: x.end + by };
}
