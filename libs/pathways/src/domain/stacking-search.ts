/**
 * Which of the learner's credits count toward the degree: an exact branch-and-bound search
 * (docs/stacking.md). Plain code, no Nest. All amounts are integer tenths of an ECTS credit so that
 * sums never drift.
 */

/** One way a module code can be represented: the best credential of one provider for that code. */
export interface ModuleOption {
  /** Index of the credential in the caller's list. */
  index: number;
  tenths: number;
  providerId: string;
}

export interface CodeChoices {
  code: string;
  /** -1: free credits; otherwise the index of the elective group the module belongs to. */
  group: number;
  /** Preferred first: more credits, then the caller's canonical order. Never empty. */
  options: ModuleOption[];
}

export interface RecognitionInput {
  /** -1: free credits; otherwise the elective group it was granted for. */
  group: number;
  tenths: number;
}

export interface SearchProblem {
  totalTenths: number;
  groupMinTenths: number[];
  minPartners: number;
  recognitionCapTenths: number;
  /** Mandatory modules with no usable credential: a constant of the problem, counted as unmet rules. */
  missingMandatory: number;
  codes: CodeChoices[];
  /** In the caller's canonical order: the cap is filled in this order once group needs are met. */
  recognitions: RecognitionInput[];
}

export interface Score {
  /** Rules not met: each missing mandatory module, each short group, the total, the partners. */
  unmet: number;
  tenths: number;
}

export interface SearchResult {
  score: Score;
  /** For each code (same order as the problem), the chosen option. */
  chosen: ModuleOption[];
  /** For each recognition, the tenths it counts (0: not counted). */
  recognitionTenths: number[];
  /** False when the node budget ran out and the best assignment found so far is returned. */
  exact: boolean;
}

export interface BetterSearch {
  result: SearchResult | null;
  /** Nodes visited, to share one budget between several searches. */
  nodes: number;
  exact: boolean;
}

/**
 * Nodes the search may visit before it stops with the best assignment found so far; one budget for
 * all the time windows of one evaluation. A learner holds a few dozen credits at most, and only a
 * module passed at several HEIs gives a choice: realistic evaluations visit well under a thousand.
 */
export const SEARCH_NODE_LIMIT = 200_000;

/** Negative when a is closer to eligibility than b: fewer unmet rules, then more credits counted. */
export const compareScores = (a: Score, b: Score): number => a.unmet - b.unmet || b.tenths - a.tenths;

/**
 * Greedy recognition allocation given what the modules bring; exact for the rules we have: the
 * recognised total is min(cap, approved) however it is split, and the most groups are completed by
 * funding the smallest deficits first (each deficit costs its size of the shared cap).
 */
export function allocateRecognition(
  problem: SearchProblem,
  groupTenths: number[],
): { amounts: number[]; satisfiedGroups: number; tenths: number } {
  const { recognitions, recognitionCapTenths } = problem;
  const amounts = recognitions.map(() => 0);
  let left = recognitionCapTenths;
  let satisfiedGroups = 0;
  const deficits = problem.groupMinTenths
    .map((min, group) => ({ group, deficit: Math.max(0, min - groupTenths[group]) }))
    .sort((a, b) => a.deficit - b.deficit || a.group - b.group);
  for (const { group, deficit } of deficits) {
    if (deficit === 0) {
      satisfiedGroups++;
      continue;
    }
    if (recognitions.length === 0) break;
    const available = recognitions.reduce((t, r) => t + (r.group === group ? r.tenths : 0), 0);
    if (available < deficit || left < deficit) continue;
    let need = deficit;
    recognitions.forEach((r, i) => {
      if (r.group !== group || need === 0) return;
      const take = Math.min(r.tenths, need);
      amounts[i] += take;
      need -= take;
    });
    left -= deficit;
    satisfiedGroups++;
  }
  recognitions.forEach((r, i) => {
    const take = Math.min(r.tenths - amounts[i], left);
    amounts[i] += take;
    left -= take;
  });
  return { amounts, satisfiedGroups, tenths: recognitionCapTenths - left };
}

function scoreOf(problem: SearchProblem, moduleTenths: number, groupTenths: number[], partners: number): Score {
  const { satisfiedGroups, tenths } = allocateRecognition(problem, groupTenths);
  const total = moduleTenths + tenths;
  const unmet =
    problem.missingMandatory +
    (problem.groupMinTenths.length - satisfiedGroups) +
    (total < problem.totalTenths ? 1 : 0) +
    (partners < problem.minPartners ? 1 : 0);
  return { unmet, tenths: total };
}

/**
 * Depth-first over the codes that offer a choice, best option first, pruning every branch whose
 * optimistic score (each remaining code at its largest option, every remaining provider gained)
 * cannot beat the best found. Ties keep the first found, so the result depends only on the order
 * of the problem, which the caller makes canonical.
 */
export function searchAssignment(problem: SearchProblem, nodeLimit = SEARCH_NODE_LIMIT): SearchResult {
  const { result } = searchBetter(problem, null, nodeLimit);
  // A budget above the number of codes runs out only after the first leaf, so a result is found.
  if (!result) throw new Error(`A node limit of ${nodeLimit} cannot reach an assignment of ${problem.codes.length} choices`);
  return result;
}

/**
 * The same search, looking only for an assignment strictly closer to eligibility than `toBeat` (the
 * best of the time windows already searched), which prunes from the root. Null result: none is.
 */
export function searchBetter(problem: SearchProblem, toBeat: Score | null, nodeLimit = SEARCH_NODE_LIMIT): BetterSearch {
  const groupCount = problem.groupMinTenths.length;
  const chosen: ModuleOption[] = problem.codes.map((c) => c.options[0]);
  const providers = new Map<string, number>();
  const groupTenths = new Array<number>(groupCount).fill(0);
  let moduleTenths = 0;
  const add = (group: number, option: ModuleOption, sign: 1 | -1) => {
    const count = (providers.get(option.providerId) ?? 0) + sign;
    if (count === 0) providers.delete(option.providerId);
    else providers.set(option.providerId, count);
    moduleTenths += sign * option.tenths;
    if (group >= 0) groupTenths[group] += sign * option.tenths;
  };
  // Codes with one candidate always count as it: only the others are searched.
  problem.codes.forEach((c) => c.options.length === 1 && add(c.group, c.options[0], 1));
  const choiceAt = problem.codes.flatMap((c, i) => (c.options.length > 1 ? [i] : []));
  const codes = choiceAt.map((i) => problem.codes[i]);
  if (toBeat) {
    // The root's bound before the suffix data: most windows of an evaluation stop here.
    const groups = [...groupTenths];
    let top = 0;
    for (const { group, options } of codes) {
      top += options[0].tenths;
      if (group >= 0) groups[group] += options[0].tenths;
    }
    const offered = new Set(codes.flatMap((c) => c.options.map((o) => o.providerId)).filter((p) => !providers.has(p)));
    const optimistic = scoreOf(problem, moduleTenths + top, groups, providers.size + Math.min(offered.size, codes.length));
    if (compareScores(optimistic, toBeat) >= 0) return { result: null, nodes: 1, exact: true };
  }
  // Suffix data for the bound: the most each remaining code can add, and the providers it can bring.
  const suffixTenths: number[] = new Array<number>(codes.length + 1).fill(0);
  const suffixGroupTenths: number[][] = Array.from({ length: codes.length + 1 }, () => new Array<number>(groupCount).fill(0));
  const suffixProviders: Array<Set<string>> = Array.from({ length: codes.length + 1 }, () => new Set<string>());
  for (let i = codes.length - 1; i >= 0; i--) {
    const top = codes[i].options[0].tenths;
    suffixTenths[i] = suffixTenths[i + 1] + top;
    suffixGroupTenths[i] = [...suffixGroupTenths[i + 1]];
    if (codes[i].group >= 0) suffixGroupTenths[i][codes[i].group] += top;
    suffixProviders[i] = new Set([...suffixProviders[i + 1], ...codes[i].options.map((o) => o.providerId)]);
  }

  let best: { score: Score; chosen: ModuleOption[] } | null = null;
  let nodes = 0;
  let exact = true;

  const bound = (depth: number): Score => {
    let gained = 0;
    for (const p of suffixProviders[depth]) if (!providers.has(p)) gained++;
    const partners = providers.size + Math.min(gained, codes.length - depth);
    const groups = groupTenths.map((t, g) => t + suffixGroupTenths[depth][g]);
    return scoreOf(problem, moduleTenths + suffixTenths[depth], groups, partners);
  };

  const target = (): Score | null => best?.score ?? toBeat;
  const visit = (depth: number): void => {
    if (++nodes > nodeLimit) {
      exact = false;
      return;
    }
    const toImprove = target();
    if (depth === codes.length) {
      const score = scoreOf(problem, moduleTenths, groupTenths, providers.size);
      if (!toImprove || compareScores(score, toImprove) < 0) best = { score, chosen: [...chosen] };
      return;
    }
    if (toImprove && compareScores(bound(depth), toImprove) >= 0) return;
    const { group, options } = codes[depth];
    for (const option of options) {
      if (!exact) return;
      chosen[choiceAt[depth]] = option;
      add(group, option, 1);
      visit(depth + 1);
      add(group, option, -1);
    }
  };
  visit(0);

  const visited = Math.min(nodes, nodeLimit);
  const found = best as { score: Score; chosen: ModuleOption[] } | null;
  if (!found) return { result: null, nodes: visited, exact };
  const finalGroups = new Array<number>(groupCount).fill(0);
  found.chosen.forEach((option, i) => {
    if (problem.codes[i].group >= 0) finalGroups[problem.codes[i].group] += option.tenths;
  });
  const { amounts } = allocateRecognition(problem, finalGroups);
  return { result: { score: found.score, chosen: found.chosen, recognitionTenths: amounts, exact }, nodes: visited, exact };
}
