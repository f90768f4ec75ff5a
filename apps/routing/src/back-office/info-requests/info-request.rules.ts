import { ValidationFailed } from '#domain';

/** The citizen must be given time to answer: `answerBy` is a calendar date after today (Europe/Paris). */
export function assertAnswerBy(answerBy: string, today: string): void {
  if (answerBy <= today) {
    throw new ValidationFailed([
      { field: 'answerBy', reason: `doit être une date postérieure à aujourd’hui (${today})` },
    ]);
  }
}
