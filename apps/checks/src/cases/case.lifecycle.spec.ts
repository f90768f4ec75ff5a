import { InvalidTransition } from '#domain';
import { assertCaseAllowed } from './case.lifecycle.js';

describe('the control case lifecycle (DOMAIN.md §3: friendly phase, contradictory phase, reasoned conclusion)', () => {
  it('asks for evidence only once, on an opened case', () => {
    expect(() => assertCaseAllowed('opened', 'request_evidence')).not.toThrow();
    expect(() => assertCaseAllowed('evidence_requested', 'request_evidence')).toThrow(InvalidTransition);
  });

  it('holds nothing against the person without a contradictory phase, except a compliant conclusion', () => {
    expect(() => assertCaseAllowed('evidence_received', 'conclude')).toThrow(InvalidTransition);
    expect(() => assertCaseAllowed('evidence_received', 'conclude_compliant')).not.toThrow();
    expect(() => assertCaseAllowed('contradictory', 'conclude')).not.toThrow();
  });

  it('moves on when the evidence deadline passed: a proposal from « evidence requested » is allowed', () => {
    expect(() => assertCaseAllowed('evidence_requested', 'propose')).not.toThrow();
    expect(() => assertCaseAllowed('concluded', 'propose')).toThrow(/conclu/);
  });
});
