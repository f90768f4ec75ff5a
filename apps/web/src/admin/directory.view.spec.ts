import {
  agentFormOf,
  agentRows,
  formErrorsFromApi,
  readAgentForm,
  readDirectory,
  readTeamForm,
  ruleErrorSummary,
  ruleLineErrors,
  teamFormOf,
  teamRequest,
  teamRows,
} from './directory.view.js';

describe('directory view', () => {
  const body = {
    teams: [
      {
        code: 'CAS-CAEN',
        name: 'CAS de Caen',
        kind: 'territorial_office',
        contact: { name: 'Accueil Caen', phone: '02 31 00 00 00' },
        isDefault: false,
      },
      {
        code: 'ACCUEIL',
        name: 'Accueil',
        kind: 'default',
        contact: { name: 'Accueil', email: 'accueil@calvados.invalid' },
        isDefault: true,
      },
    ],
    agents: [
      { subject: 'b', displayName: 'Élodie', teamCodes: ['ACCUEIL'] },
      {
        subject: 'a',
        displayName: 'Bruno',
        email: 'bruno@calvados.invalid',
        teamCodes: ['CAS-CAEN', 'ACCUEIL'],
      },
    ],
  };

  it('sorts teams by code and agents by name, and draws their table rows (default team « Oui », no e-mail « — »)', () => {
    const { teams, agents } = readDirectory(body);
    expect(teamRows(teams).map((row) => row.slice(0, 4))).toEqual([
      [
        { text: 'ACCUEIL' },
        { text: 'Accueil' },
        { text: 'Accueil — accueil@calvados.invalid' },
        { text: 'Oui' },
      ],
      [
        { text: 'CAS-CAEN' },
        { text: 'CAS de Caen' },
        { text: 'Accueil Caen — 02 31 00 00 00' },
        { text: 'Non' },
      ],
    ]);
    expect(agentRows(agents).map((row) => row.slice(0, 4))).toEqual([
      [{ text: 'a' }, { text: 'Bruno' }, { text: 'bruno@calvados.invalid' }, { text: 'CAS-CAEN, ACCUEIL' }],
      [{ text: 'b' }, { text: 'Élodie' }, { text: '—' }, { text: 'ACCUEIL' }],
    ]);
  });

  it('ends each row with a « Modifier » link filling the form, its target escaped and named for screen readers', () => {
    const { teams } = readDirectory(body);
    expect(teamRows(teams)[1][4]).toEqual({
      html: '<a class="govuk-link" href="/admin/equipes?equipe=CAS-CAEN#team-form-title">Modifier<span class="govuk-visually-hidden"> l’équipe CAS-CAEN</span></a>',
    });
    const [odd] = agentRows([{ subject: 'x"<y>&z', displayName: 'A <b>', teamCodes: [] }]);
    expect(odd[4]).toEqual({
      html: '<a class="govuk-link" href="/admin/equipes?agent=x%22%3Cy%3E%26z#agent-form-title">Modifier<span class="govuk-visually-hidden"> l’agent A &#60;b&#62;</span></a>',
    });
  });

  it('fills the forms with a team or an agent to change', () => {
    const { teams, agents } = readDirectory(body);
    expect(teamFormOf(teams[0])).toEqual({
      code: 'ACCUEIL',
      name: 'Accueil',
      kind: 'default',
      contactName: 'Accueil',
      phone: '',
      email: 'accueil@calvados.invalid',
      address: '',
      hours: '',
      isDefault: true,
    });
    expect(agentFormOf(agents[0])).toEqual({
      subject: 'a',
      displayName: 'Bruno',
      email: 'bruno@calvados.invalid',
      teamCodes: ['CAS-CAEN', 'ACCUEIL'],
    });
  });

  it('reads an unexpected answer as an empty directory', () => {
    expect(readDirectory(undefined)).toEqual({ teams: [], agents: [] });
  });

  it('upper-cases the team code, and names each missing field of the team form', () => {
    expect(readTeamForm({ code: 'cas-x', name: 'X', contactName: 'Accueil X' }).errors).toEqual([]);
    expect(readTeamForm({ code: 'cas-x' }).form.code).toBe('CAS-X');
    expect(
      readTeamForm({ code: 'é', name: '', contactName: ' ' }).errors.map((error) => error.field),
    ).toEqual(['code', 'name', 'contactName']);
  });

  it('sends only the contact fields that were filled, and the default team as a boolean', () => {
    const { form } = readTeamForm({
      code: 'X1',
      name: 'X',
      contactName: 'Accueil',
      phone: '01',
      isDefault: 'oui',
    });
    expect(teamRequest(form)).toEqual({
      name: 'X',
      kind: 'territorial_office',
      contact: { name: 'Accueil', phone: '01' },
      isDefault: true,
    });
  });

  it('reads one ticked team as a list, and asks for at least one', () => {
    expect(readAgentForm({ subject: 's', displayName: 'S', teamCodes: 'ACCUEIL' }).form.teamCodes).toEqual([
      'ACCUEIL',
    ]);
    expect(readAgentForm({ subject: 's', displayName: 'S' }).errors).toEqual([
      { field: 'teamCodes', text: 'Choisissez au moins une équipe' },
    ]);
  });

  it('puts each API refusal next to its field (contact.email → email), the message on a fallback field', () => {
    expect(
      formErrorsFromApi([{ field: 'contact.email', reason: 'doit être un courriel' }], 'm', 'name'),
    ).toEqual([{ field: 'email', text: 'Doit être un courriel' }]);
    expect(formErrorsFromApi([], 'Refusé', 'name')).toEqual([{ field: 'name', text: 'Refusé' }]);
  });

  it('lists every faulty line of a rules file with its number, in file order, each linked to the file field', () => {
    const errors = ruleLineErrors(
      [
        { field: 'ligne 5', reason: 'équipe inconnue : NULLE-PART' },
        { field: 'ligne 3', reason: 'zone inconnue : planete' },
      ],
      'Certains champs sont invalides.',
    );
    expect(errors).toEqual([
      { line: 3, reason: 'zone inconnue : planete' },
      { line: 5, reason: 'équipe inconnue : NULLE-PART' },
    ]);
    expect(ruleErrorSummary(errors, 'rules-file')).toEqual([
      { text: 'Ligne 3 : zone inconnue : planete', href: '#rules-file' },
      { text: 'Ligne 5 : équipe inconnue : NULLE-PART', href: '#rules-file' },
    ]);
  });

  it('shows a refusal without lines (an unreadable file) as its message', () => {
    expect(ruleLineErrors([{ field: 'csv', reason: 'fichier CSV illisible' }], 'm')).toEqual([
      { line: undefined, reason: 'fichier CSV illisible' },
    ]);
  });
});
