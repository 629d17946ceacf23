/** English texts of the set-up's coalition step. Spread into campaign-setup.en.ts. */
export const coalitionStepEn = {
} as const;
