import type { ApiFieldError } from '../api/api-answer.js';

/** A team as `GET /api/directory/teams` gives it. */
export interface DirectoryTeam {
  code: string;
  name: string;
  kind: string;
  contact: { name: string; address?: string; phone?: string; email?: string; hours?: string };
  isDefault: boolean;
  demo?: boolean;
}

export interface DirectoryAgent {
  subject: string;
  displayName: string;
  email?: string;
  teamCodes: string[];
}

/** One error of a form: the field it belongs to (its id) and what to do. */
export interface FormError {
  field: string;
  text: string;
}

export const TEAM_CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The teams and agents of the directory's answer, sorted by code and name. Pure. */
export function readDirectory(body: unknown): { teams: DirectoryTeam[]; agents: DirectoryAgent[] } {
  const value = asRecord(body);
  const teams = (Array.isArray(value.teams) ? value.teams : [])
    .filter((team): team is DirectoryTeam => typeof asRecord(team).code === 'string')
    .map((team) => ({ ...team, contact: { name: '', ...asRecord(team.contact) } }) as DirectoryTeam);
  const agents = (Array.isArray(value.agents) ? value.agents : [])
    .filter((agent): agent is DirectoryAgent => typeof asRecord(agent).subject === 'string')
    .map((agent) => ({ ...agent, teamCodes: Array.isArray(agent.teamCodes) ? agent.teamCodes : [] }));
  return {
    teams: [...teams].sort((a, b) => a.code.localeCompare(b.code)),
    agents: [...agents].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')),
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A « Modifier » link that fills the form below with a team or an agent. */
function changeLink(query: string, key: string, anchor: string, what: string) {
  const href = `/admin/equipes?${query}=${encodeURIComponent(key)}#${anchor}`;
  return {
    html: `<a class="govuk-link" href="${escapeHtml(href)}">Modifier<span class="govuk-visually-hidden"> ${escapeHtml(what)}</span></a>`,
  };
}

/** The teams as the rows of a GOV.UK table: code, name, public contact, default team, a link to change it. Pure. */
export function teamRows(teams: DirectoryTeam[]) {
  return teams.map((team) => [
    { text: team.code },
    { text: team.name },
    { text: [team.contact.name, team.contact.phone, team.contact.email].filter(Boolean).join(' — ') },
    { text: team.isDefault ? 'Oui' : 'Non' },
    changeLink('equipe', team.code, 'team-form-title', `l’équipe ${team.code}`),
  ]);
}

/** The team form filled with a team of the directory, to change it. Pure. */
export function teamFormOf(team: DirectoryTeam): TeamForm {
  return {
    code: team.code,
    name: team.name,
    kind: team.kind,
    contactName: team.contact.name,
    phone: team.contact.phone ?? '',
    email: team.contact.email ?? '',
    address: team.contact.address ?? '',
    hours: team.contact.hours ?? '',
    isDefault: team.isDefault,
  };
}

/** The agent form filled with an agent of the directory, to change it. Pure. */
export function agentFormOf(agent: DirectoryAgent): AgentForm {
  return {
    subject: agent.subject,
    displayName: agent.displayName,
    email: agent.email ?? '',
    teamCodes: [...agent.teamCodes],
  };
}

/** The agents as the rows of a GOV.UK table: subject, name, e-mail, teams, a link to change it. Pure. */
export function agentRows(agents: DirectoryAgent[]) {
  return agents.map((agent) => [
    { text: agent.subject },
    { text: agent.displayName },
    { text: agent.email ?? '—' },
    { text: agent.teamCodes.join(', ') },
    changeLink('agent', agent.subject, 'agent-form-title', `l’agent ${agent.displayName}`),
  ]);
}

export interface TeamForm {
  code: string;
  name: string;
  kind: string;
  contactName: string;
  phone: string;
  email: string;
  address: string;
  hours: string;
  isDefault: boolean;
}

/** The posted team form, checked before calling the API: the request, or the errors next to the fields. Pure. */
export function readTeamForm(body: unknown): { form: TeamForm; errors: FormError[] } {
  const value = asRecord(body);
  const form: TeamForm = {
    code: text(value.code).toUpperCase(),
    name: text(value.name),
    kind: text(value.kind) || 'territorial_office',
    contactName: text(value.contactName),
    phone: text(value.phone),
    email: text(value.email),
    address: text(value.address),
    hours: text(value.hours),
    isDefault: value.isDefault === 'oui',
  };
  const errors: FormError[] = [];
  if (!TEAM_CODE.test(form.code))
    errors.push({
      field: 'code',
      text: 'Saisissez un code en majuscules (A-Z, 0-9, -), par exemple CAS-BESSIN',
    });
  if (!form.name) errors.push({ field: 'name', text: 'Saisissez le nom de l’équipe' });
  if (!form.contactName) errors.push({ field: 'contactName', text: 'Saisissez le nom du contact public' });
  return { form, errors };
}

/** The team form as the directory's request body. Pure. */
export function teamRequest(form: TeamForm) {
  const optional = (key: string, value: string) => (value ? { [key]: value } : {});
  return {
    name: form.name,
    kind: form.kind,
    contact: {
      name: form.contactName,
      ...optional('address', form.address),
      ...optional('phone', form.phone),
      ...optional('email', form.email),
      ...optional('hours', form.hours),
    },
    isDefault: form.isDefault,
  };
}

export interface AgentForm {
  subject: string;
  displayName: string;
  email: string;
  teamCodes: string[];
}

/** The posted agent form: teams ticked (one or several), checked before calling the API. Pure. */
export function readAgentForm(body: unknown): { form: AgentForm; errors: FormError[] } {
  const value = asRecord(body);
  const ticked = value.teamCodes;
  const form: AgentForm = {
    subject: text(value.subject),
    displayName: text(value.displayName),
    email: text(value.email),
    teamCodes: (Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked])
      .map(text)
      .filter(Boolean),
  };
  const errors: FormError[] = [];
  if (!form.subject)
    errors.push({ field: 'subject', text: 'Saisissez l’identifiant de connexion de l’agent' });
  if (!form.displayName) errors.push({ field: 'displayName', text: 'Saisissez le nom de l’agent' });
  if (form.teamCodes.length === 0)
    errors.push({ field: 'teamCodes', text: 'Choisissez au moins une équipe' });
  return { form, errors };
}

/** The API's refusal of a team or an agent, each detail next to its field (`contact.email` → `email`). Pure. */
export function formErrorsFromApi(details: ApiFieldError[], message: string, fallback: string): FormError[] {
  const fields: Record<string, string> = {
    'contact.name': 'contactName',
    'contact.email': 'email',
    'contact.phone': 'phone',
    'contact.address': 'address',
    'contact.hours': 'hours',
    code: 'code',
    subject: 'subject',
  };
  if (details.length === 0) return [{ field: fallback, text: message }];
  return details.map((detail) => ({
    field: fields[detail.field] ?? (detail.field.split(/[.[]/)[0] || fallback),
    text: `${detail.reason.charAt(0).toUpperCase()}${detail.reason.slice(1)}`,
  }));
}

/** One faulty line of a rules file, as the API reports it (`ligne 3`). */
export interface RuleLineError {
  line: number | undefined;
  reason: string;
}

/** The API's refusal of a rules file: every faulty line with its number, in file order. Pure. */
export function ruleLineErrors(details: ApiFieldError[], message: string): RuleLineError[] {
  if (details.length === 0) return [{ line: undefined, reason: message }];
  return details
    .map((detail) => {
      const match = /^ligne (\d+)$/.exec(detail.field);
      return { line: match ? Number(match[1]) : undefined, reason: detail.reason };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The error summary of a refused rules file: one link per faulty line, to the file field. Pure. */
export function ruleErrorSummary(errors: RuleLineError[], fieldId: string) {
  return errors.map((error) => ({
    text: error.line === undefined ? error.reason : `Ligne ${error.line} : ${error.reason}`,
    href: `#${fieldId}`,
  }));
}
