/** English texts of the set-up's milestones step. Spread into campaign-setup.en.ts. */
export const milestonesStepEn = {
} as const;
