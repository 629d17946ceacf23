import type { coalitionStepEn } from './coalition-step.en';

/** Spanish texts of the set-up's coalition step: exactly the keys of `coalitionStepEn`. */
export const coalitionStepEs: Readonly<Record<keyof typeof coalitionStepEn, string>> = {
};
