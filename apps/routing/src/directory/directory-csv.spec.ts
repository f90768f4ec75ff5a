import { etalabCommuneDirectory, ValidationFailed } from '#domain';
import { parseRulesCsv, type RuleCheckContext, rulesToCsv } from './directory-csv.js';

const communes = etalabCommuneDirectory();
const context: RuleCheckContext = {
  communes,
  epciCodes: communes.epciCodes(),
  departementCodes: communes.departementCodes(),
  teamCodes: new Set(['CAS-BESSIN', 'APCR-DESK']),
};
const HEADER = 'sujet,zone,code_zone,equipe';

function refusal(text: string): ValidationFailed {
  try {
    parseRulesCsv(text, context);
  } catch (error) {
    if (error instanceof ValidationFailed) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('the rules file (CSV), all or nothing', () => {
  it('reads a good file, and writes it back the same', () => {
    const text = `${HEADER}\nautonomie,epci,241400555,CAS-BESSIN\napcr,departement,14,APCR-DESK\n`;
    const rules = parseRulesCsv(text, context);
    expect(rules.map((r) => [r.subject, r.areaKind, r.areaCode, r.teamCode])).toEqual([
      ['autonomie', 'epci', '241400555', 'CAS-BESSIN'],
      ['apcr', 'departement', '14', 'APCR-DESK'],
    ]);
    expect(rulesToCsv(rules)).toBe(text);
  });

  it('names every bad line by its number (header = line 1), with the reason', () => {
    const error = refusal(
      [
        HEADER,
        'autonomie,epci,241400555,CAS-BESSIN',
        'jardinage,commune,14047,CAS-BESSIN',
        'autonomie,commune,99999,NOPE',
      ].join('\n'),
    );
    expect(error.details.map((d) => d.field)).toEqual(['ligne 3', 'ligne 4', 'ligne 4']);
    expect(error.details[0].reason).toContain('jardinage');
    expect(error.details[1].reason).toContain('99999');
    expect(error.details[2].reason).toContain('NOPE');
  });

  it('refuses two rules of equal rank for the same key', () => {
    const error = refusal(
      [HEADER, 'handicap,commune,14047,CAS-BESSIN', 'handicap,commune,14047,APCR-DESK'].join('\n'),
    );
    expect(error.details).toEqual([{ field: 'ligne 3', reason: 'même sujet et même zone que la ligne 2' }]);
  });

  it('refuses a file without the expected header, or with a short line', () => {
    expect(refusal('a,b,c,d\n').details[0].field).toBe('ligne 1');
    expect(refusal(`${HEADER}\nautonomie,epci\n`).details[0]).toEqual({
      field: 'ligne 2',
      reason: '4 colonnes attendues, 2 reçues',
    });
  });
});
