import type { remindersStepEn } from './reminders-step.en';

/** Spanish texts of the set-up's reminders step: exactly the keys of `remindersStepEn`. */
export const remindersStepEs: Readonly<Record<keyof typeof remindersStepEn, string>> = {
};
