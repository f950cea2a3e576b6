// Choosing one value per stage field from many mentions. Values that refine each other form
// a chain (IV ⊂ IVB, T2 ⊂ T2a, N2 ⊂ N2b, I ⊂ IA ⊂ IA2); the chain with the most weight wins
// and gives its most specific value, so "stage IV" in one note and "stage IVB" in another
// make IVB, while IIIA against IIIB is a real disagreement, settled by weight (then the
// earlier mention) and reported as a conflict.

export interface Vote { value: string; weight: number; order: number }

/** `a` says everything `b` says, and perhaps more: IVB refines IV, T2a refines T2, IA2 refines I. */
export function refines(a: string, b: string): boolean {
  if (a === b) return true;
  // "TX" (cannot be assessed) is said more exactly by any T
  if (/^[TNM]X$/.test(b)) return a[0] === b[0];
  const g = (v: string) => /^(IV|III|II|I|0)([ABC]?)(\d?)$/.exec(v);
  const ga = g(a);
  const gb = g(b);
  if (ga && gb) return ga[1] === gb[1] && (!gb[2] || gb[2] === ga[2]) && (!gb[3] || gb[3] === ga[3]);
  if (ga || gb) return false;
  return a.startsWith(b) && a.length > b.length;
}

export interface Choice { value: string; weight: number; rivals: string[] }

export function choose(votes: Vote[]): Choice | null {
  if (!votes.length) return null;
  const values = [...new Set(votes.map((v) => v.value))];
  // the most specific values: nothing else refines them
  const tips = values.filter((v) => !values.some((o) => o !== v && refines(o, v)));
  const scored = tips.map((tip) => {
    const members = votes.filter((v) => refines(tip, v.value));
    const own = votes.filter((v) => v.value === tip);
    return {
      tip,
      weight: members.reduce((s, v) => s + v.weight, 0),
      own: own.reduce((s, v) => s + v.weight, 0),
      first: Math.min(...members.map((v) => v.order)),
    };
  });
  scored.sort((a, b) => b.weight - a.weight || b.own - a.own || a.first - b.first);
  const best = scored[0]!;
  // rivals: other chains that do not merely generalise the chosen value
  const rivals = scored.slice(1).filter((s) => !refines(best.tip, s.tip)).map((s) => s.tip);
  return { value: best.tip, weight: best.weight, rivals };
}
