/**
 * The time limit as part of the search (docs/stacking.md): the clock starts at the first counted
 * credit, so each date a credit could start it is a window to search. Plain code, no Nest.
 */
import { SEARCH_NODE_LIMIT, SearchProblem, SearchResult, searchBetter } from './stacking-search';

/** From the first counted credit (start) to the deadline, both days included. */
export interface TimeWindow {
  start: string;
  deadline: string;
}

export interface WindowChoice {
  window: TimeWindow;
  problem: SearchProblem;
  result: SearchResult;
  /** False when the node budget ran out: the best found so far. */
  exact: boolean;
}

export function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString().slice(0, 10);
}

export const isWithin = (date: string, window: TimeWindow) => date >= window.start && date <= window.deadline;

/**
 * The window, and the assignment in it, closest to eligibility. Each start date is searched, the
 * latest first; an earlier one replaces the window kept only when strictly closer to eligibility
 * (fewer unmet rules, then more ECTS), so among equals the latest start, whose deadline is the
 * latest, is kept. Every window is pruned by the best so far, and one node budget serves them all.
 * Null: no start date.
 */
export function chooseWindow(
  startDates: string[],
  months: number,
  problemFor: (window: TimeWindow) => SearchProblem,
  nodeLimit = SEARCH_NODE_LIMIT,
): WindowChoice | null {
  const starts = [...new Set(startDates)].sort().reverse();
  let best: WindowChoice | null = null;
  let budget = nodeLimit;
  for (const [i, start] of starts.entries()) {
    const window = { start, deadline: addMonths(start, months) };
    const problem = problemFor(window);
    const { result, nodes, exact } = searchBetter(problem, best?.result.score ?? null, budget);
    if (result) best = { window, problem, result, exact };
    budget -= nodes;
    const unsearched = i < starts.length - 1;
    if (!exact || (budget <= 0 && unsearched)) {
      if (best) best.exact = false;
      break;
    }
  }
  return best;
}
