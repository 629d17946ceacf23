/** English texts of the set-up's reminders step. Spread into campaign-setup.en.ts. */
export const remindersStepEn = {
} as const;
