import type { milestonesStepEn } from './milestones-step.en';

/** Spanish texts of the set-up's milestones step: exactly the keys of `milestonesStepEn`. */
export const milestonesStepEs: Readonly<Record<keyof typeof milestonesStepEn, string>> = {
};
