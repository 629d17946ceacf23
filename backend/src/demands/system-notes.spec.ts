import { SYSTEM_NOTE_KEYS, type SystemNote } from '@demarche/shared';
import { describe, expect, it } from 'vitest';
import { systemNoteText } from './system-notes.js';

describe('systemNoteText', () => {
  it('words each note in English and Spanish, with its parameters', () => {
    const response: SystemNote = { key: 'response_logged', params: { receivedOn: '2025-05-02', summary: 'Acknowledged receipt' } };
    expect(systemNoteText('en', response)).toBe('Response of 2 May 2025: Acknowledged receipt');
    expect(systemNoteText('es', response)).toBe('Respuesta del 2 de mayo de 2025: Acknowledged receipt');
    const confirmed: SystemNote = { key: 'proposal_confirmed', params: { proposer: 'Ana' } };
    expect(systemNoteText('en', confirmed)).toBe('Confirmed a proposed move (proposed by Ana)');
    expect(systemNoteText('es', confirmed)).toBe('Se confirmó un cambio propuesto (propuesto por Ana)');
    expect(systemNoteText('es', { key: 'deadline_passed', params: {} })).toBe('El plazo venció sin respuesta.');
  });

  it('has words for every key in both languages, and never throws on missing parameters', () => {
    for (const key of SYSTEM_NOTE_KEYS) {
      const en = systemNoteText('en', { key, params: {} });
      const es = systemNoteText('es', { key, params: {} });
      expect(en.length).toBeGreaterThan(10);
      expect(es).not.toBe(en);
    }
  });
});
