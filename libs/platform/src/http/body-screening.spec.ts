import { unsafeBodyPart } from './body-screening.js';

describe('body screening', () => {
  it('names the first inherited key, wherever it is', () => {
    expect(unsafeBodyPart(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toEqual({
      field: 'a.__proto__',
      reason: 'nom de champ interdit',
    });
    expect(unsafeBodyPart({ list: [{ constructor: 1 }] })?.field).toBe('list.0.constructor');
    expect(unsafeBodyPart({ toString: {} })?.field).toBe('toString');
    expect(unsafeBodyPart({ prototype: 1 })?.field).toBe('prototype');
  });

  it('names broken text (a lone surrogate) in a value or a key', () => {
    expect(unsafeBodyPart({ email: 'a\ud800@b.fr' })).toEqual({
      field: 'email',
      reason: 'texte mal formé (caractère isolé)',
    });
    expect(unsafeBodyPart({ ['x\udfff']: 1 })?.reason).toBe('nom de champ mal formé');
  });

  it('lets ordinary bodies through, accents, emoji and control-free text alike', () => {
    expect(
      unsafeBodyPart({ displayName: 'Élodie 😀', teams: ['CAS-CAEN'], n: 3, ok: true, none: null }),
    ).toBeUndefined();
    expect(unsafeBodyPart(undefined)).toBeUndefined();
    expect(unsafeBodyPart('texte')).toBeUndefined();
  });
});
