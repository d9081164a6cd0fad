import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import { badInput } from '@magix/common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0–4: 3 is "safely unguessable" (about 10^8 guesses); common and leaked passwords score 0–1. */
export const PASSWORD_MIN_SCORE = 3;
// The estimate grows faster than linearly with the length (≈ 0.2 s at 64 characters of repeated
// patterns); a prefix can only score lower than the whole, so checking one never lets a weak one in.
const CHECKED_PREFIX = 64;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: loading the dictionaries takes a moment and most processes never need them. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
  });
  return estimator;
}

/**
 * Why a password someone chose would be refused, or null if it is acceptable: too short or too
 * long, blank, or guessable (common and published passwords, keyboard walks, repeats, the user's
 * own email or name). Passwords the platform sets itself (the demo accounts) do not pass here.
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.trim().length === 0) return 'must not be blank';
  if ([...password].length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if ([...password].length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((input) => input.length >= 3);
  const result = zxcvbn().check(password.slice(0, CHECKED_PREFIX), inputs);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? 'It is too easy to guess.';
  return `is too easy to guess: ${hint} Use a longer phrase of uncommon words.`;
}

/** Refuses a weak password with BAD_USER_INPUT naming the field (e.g. `input.password`). */
export function assertAcceptablePassword(field: string, password: string, userInputs: string[] = []): void {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw badInput(field, `${field.split('.').pop()} ${problem}`);
}
