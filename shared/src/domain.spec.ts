import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_STATUSES, isFollowUpOpen } from './domain.js';

describe('isFollowUpOpen', () => {
  it('holds for work still to do and not for work finished or dropped', () => {
    expect(FOLLOW_UP_STATUSES.filter(isFollowUpOpen)).toEqual(['open', 'in_progress']);
  });
});
