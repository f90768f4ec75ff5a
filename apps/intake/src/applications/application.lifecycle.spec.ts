import { InvalidTransition } from '#domain';
import { type ApplicationStatus, type LifecycleAction, transition } from './application.lifecycle.js';

describe('application lifecycle (DESIGN.md)', () => {
  it.each<[ApplicationStatus, LifecycleAction, ApplicationStatus]>([
    ['draft', { kind: 'save' }, 'draft'],
    ['draft', { kind: 'submit' }, 'submitted'],
    ['submitted', { kind: 'route' }, 'in_review'],
    ['in_review', { kind: 'assign' }, 'in_review'],
    ['in_review', { kind: 'request_info' }, 'info_requested'],
    ['info_requested', { kind: 'complement' }, 'in_review'],
    ['info_requested', { kind: 'withdraw' }, 'withdrawn'],
    ['in_review', { kind: 'decide', outcome: 'granted' }, 'granted'],
    ['submitted', { kind: 'decide', outcome: 'deemed_rejected' }, 'deemed_rejected'],
  ])('%s --%o--> %s', (from, action, to) => {
    expect(transition(from, action)).toBe(to);
  });

  it.each<[ApplicationStatus, LifecycleAction]>([
    ['submitted', { kind: 'submit' }],
    ['submitted', { kind: 'save' }],
    ['draft', { kind: 'withdraw' }],
    ['withdrawn', { kind: 'route' }],
    ['granted', { kind: 'decide', outcome: 'rejected' }],
    ['in_review', { kind: 'complement' }],
  ])('refuses %s --%o with a French reason', (from, action) => {
    expect(() => transition(from, action)).toThrow(InvalidTransition);
  });
});
