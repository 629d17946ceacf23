import { describe, expect, it } from 'vitest';
import { DEMAND_STATUSES, DEMAND_TRANSITIONS, canTransitionDemand, TERMINAL_DEMAND_STATUSES } from './demand-status.js';

describe('demand status machine', () => {
  it('has a row for every status and only known targets', () => {
    for (const from of DEMAND_STATUSES) {
      for (const to of DEMAND_TRANSITIONS[from]) expect(DEMAND_STATUSES).toContain(to);
    }
  });

  it('follows the table in DESIGN.md', () => {
    expect(canTransitionDemand('draft', 'sent')).toBe(true);
    expect(canTransitionDemand('draft', 'met')).toBe(false);
    expect(canTransitionDemand('sent', 'no_response')).toBe(true);
    expect(canTransitionDemand('no_response', 'acknowledged')).toBe(true);
    expect(canTransitionDemand('partially_met', 'met')).toBe(true);
    expect(canTransitionDemand('partially_met', 'withdrawn')).toBe(false);
    expect(canTransitionDemand('rejected', 'under_consideration')).toBe(true);
    expect(canTransitionDemand('rejected', 'met')).toBe(false);
  });

  it('lets nothing leave a terminal status', () => {
    for (const s of TERMINAL_DEMAND_STATUSES) expect(DEMAND_TRANSITIONS[s]).toEqual([]);
  });

  it('never returns to draft', () => {
    for (const from of DEMAND_STATUSES) expect(canTransitionDemand(from, 'draft')).toBe(false);
  });
});
