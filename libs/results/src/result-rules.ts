import { RecordResultInput } from './dto/record-result.input';
import { assessedBeforeStart, assessedInFuture, creditsWithoutPass, tooManyCredits } from './results.errors';

export interface ResultContext {
  moduleEcts: number;
  offeringStartsOn: string;
  today: string;
}

/** Checks a result against its module and offering; returns the credits it awards. Pure. */
export function creditsForResult(
  input: Pick<RecordResultInput, 'passed' | 'assessedOn' | 'creditsAwarded'>,
  context: ResultContext,
): number {
  if (input.assessedOn > context.today) throw assessedInFuture();
  if (input.assessedOn < context.offeringStartsOn) throw assessedBeforeStart(context.offeringStartsOn);
  if (!input.passed) {
    if (input.creditsAwarded) throw creditsWithoutPass();
    return 0;
  }
  const credits = input.creditsAwarded ?? context.moduleEcts;
  if (credits > context.moduleEcts) throw tooManyCredits(context.moduleEcts);
  return credits;
}

/** Whether a new submission repeats the recorded result (a retry) rather than changing it. */
export function sameResult(
  recorded: { grade: string; passed: boolean; assessedOn: string; creditsAwarded: number },
  submitted: { grade: string; passed: boolean; assessedOn: string; creditsAwarded: number },
): boolean {
  return (
    recorded.grade === submitted.grade &&
    recorded.passed === submitted.passed &&
    recorded.assessedOn === submitted.assessedOn &&
    recorded.creditsAwarded === submitted.creditsAwarded
  );
}
